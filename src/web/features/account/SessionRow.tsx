import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../../../core/accounts/accounts.types.ts";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { describeUserAgent } from "../../lib/userAgent.ts";

interface SessionRowProps {
  session: SessionInfo;
  pending: boolean;
  onRevoke: () => void;
}

export function SessionRow({ session, pending, onRevoke }: SessionRowProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const { browser, system } = describeUserAgent(session.userAgent);
  let label = t("account.sessions.unknownBrowser");
  if (browser && system) label = t("account.sessions.browserOn", { browser, system });
  else if (browser ?? system) label = browser ?? system ?? label;

  return (
    <tr>
      <th scope="row">
        <span className="cell-title" title={session.userAgent ?? undefined}>
          {label}
        </span>
        {session.current && <span className="badge badge-info">{t("account.sessions.thisDevice")}</span>}
      </th>
      <td>{formatDateTime(session.createdAt, lang)}</td>
      <td>{formatDateTime(session.lastSeenAt, lang)}</td>
      <td>{session.ip ?? t("account.sessions.unknownIp")}</td>
      <td className="cell-actions">
        {!session.current && (
          <RowActionButton subject={label} pending={pending} onClick={onRevoke}>
            {t("account.sessions.revoke")}
          </RowActionButton>
        )}
      </td>
    </tr>
  );
}
