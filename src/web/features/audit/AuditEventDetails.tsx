import { useTranslation } from "react-i18next";
import type { AuditEventOut } from "../../api/audit.ts";

/** The event's details, folded: a disclosure with one line per field. */
export function AuditEventDetails({ details }: { details: AuditEventOut["details"] }) {
  const { t } = useTranslation();
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="muted">{t("audit.noDetails")}</span>;
  return (
    <details className="audit-details">
      <summary>{t("audit.showDetails", { count: entries.length })}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value === null ? "—" : String(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
