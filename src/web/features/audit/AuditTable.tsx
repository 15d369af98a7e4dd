import { useTranslation } from "react-i18next";
import type { AuditEventOut } from "../../api/audit.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { AuditEventDetails } from "./AuditEventDetails.tsx";
import { auditActionLabel } from "./auditActions.ts";

interface AuditTableProps {
  events: AuditEventOut[];
  /** The portal's trail: a column says whose each event is (institution names by id). */
  institutionNames?: Map<string, string> | undefined;
}

/** Audit events, newest first: when, who, what, on what, from where, and the details folded. */
export function AuditTable({ events, institutionNames }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const lang = useLocale();
  const columns = [
    t("audit.when"),
    t("audit.who"),
    t("audit.action"),
    t("audit.target"),
    ...(institutionNames ? [t("audit.institution")] : []),
    t("audit.ip"),
    t("audit.details"),
  ];
  return (
    <DataTable caption={t("audit.caption")} columns={columns}>
      {events.map((e) => (
        <tr key={e.seq}>
          <td className="audit-when">
            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lang)}</time>
          </td>
          <td className="cell-break">{e.actorLabel}</td>
          <td>
            {auditActionLabel(i18n, e.action)}
            <span className="audit-code">{e.action}</span>
          </td>
          <td className="cell-break">
            {e.targetType}
            {e.targetId && <span className="audit-code">{e.targetId}</span>}
          </td>
          {institutionNames && (
            <td>
              {e.institutionId
                ? (institutionNames.get(e.institutionId) ?? e.institutionId)
                : t("audit.portal")}
            </td>
          )}
          <td className="audit-ip">{e.ip ?? "—"}</td>
          <td>
            <AuditEventDetails details={e.details} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
