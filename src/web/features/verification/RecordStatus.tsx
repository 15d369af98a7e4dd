import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentVerificationRecord } from "../../../core/documents/documents.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate } from "../../lib/format.ts";
import { StatusIcon } from "./StatusIcon.tsx";

const ICON = { active: "passed", revoked: "failed", superseded: "warning" } as const;

/** The record's status in words: in force, revoked (when and why) or replaced (with a link). */
export function RecordStatus({ record }: { record: DocumentVerificationRecord }) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <div className={`record-status record-status-${record.status}`}>
      <p className="record-status-title">
        <StatusIcon status={ICON[record.status]} />
        <span>{t(`record.status.${record.status}`)}</span>
      </p>
      <p>{t(`record.statusText.${record.status}`)}</p>
      {record.status === "revoked" && (
        <ul className="plain-list">
          {record.revokedAt && <li>{t("verify.revokedOn", { date: formatDate(record.revokedAt, lang) })}</li>}
          {record.revocationReason && <li>{t("verify.reason", { reason: record.revocationReason })}</li>}
        </ul>
      )}
      {record.status === "superseded" && record.supersededBy && (
        <p>
          <Link to={`/v/${encodeURIComponent(record.supersededBy)}`}>{t("verify.seeNewVersion")}</Link>
        </p>
      )}
    </div>
  );
}
