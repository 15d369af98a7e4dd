import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKeyOut } from "../../api/api-keys.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";

interface ApiKeysTableProps {
  apiKeys: ApiKeyOut[];
  /** The key being revoked, if any. */
  pendingId: string | null;
  onRevoke: (key: ApiKeyOut) => void;
}

/** The institution's keys; revoking one asks for a confirmation in its row first. */
export function ApiKeysTable({ apiKeys, pendingId, onRevoke }: ApiKeysTableProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <DataTable
      caption={t("apiKeys.tableCaption")}
      columns={[
        t("apiKeys.name"),
        t("apiKeys.prefix"),
        t("apiKeys.scopes"),
        t("apiKeys.created"),
        t("apiKeys.lastUsed"),
        t("apiKeys.status"),
      ]}
      actions
    >
      {apiKeys.map((key) => (
        <tr key={key.id}>
          <th scope="row" className="cell-break">
            {key.name}
          </th>
          <td>
            <code>{key.prefix}…</code>
          </td>
          <td className="api-key-scopes">{key.scopes.map((s) => t(`apiKeys.scope.${s}`)).join(", ")}</td>
          <td>{formatDateTime(key.createdAt, lang)}</td>
          <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, lang) : t("apiKeys.never")}</td>
          <td>
            {key.status === "active" ? (
              t("apiKeys.active")
            ) : (
              <span className="badge badge-disabled">
                {t("apiKeys.revokedOn", { date: formatDateTime(key.revokedAt ?? "", lang) })}
              </span>
            )}
          </td>
          <td className="cell-actions">
            {key.status === "active" && confirming !== key.id && (
              <RowActionButton
                subject={key.name}
                variant="danger"
                pending={false}
                onClick={() => setConfirming(key.id)}
              >
                {t("apiKeys.revoke")}
              </RowActionButton>
            )}
            {key.status === "active" && confirming === key.id && (
              <span>
                <span className="confirm-text">{t("apiKeys.confirmRevoke")}</span>{" "}
                <RowActionButton
                  subject={key.name}
                  variant="danger"
                  pending={pendingId === key.id}
                  onClick={() => onRevoke(key)}
                >
                  {t("apiKeys.confirmYes")}
                </RowActionButton>{" "}
                <RowActionButton subject={key.name} pending={false} onClick={() => setConfirming(null)}>
                  {t("apiKeys.confirmNo")}
                </RowActionButton>
              </span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
