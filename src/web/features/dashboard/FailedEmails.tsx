import { useTranslation } from "react-i18next";
import type { InstitutionDashboard } from "../../../core/dashboard/dashboard.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";

/** The latest emails that failed for good: to whom, why, when. */
export function FailedEmails({ failed }: { failed: InstitutionDashboard["failedEmails"] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  if (failed.total === 0) return <p className="empty">{t("dashboard.failedNone")}</p>;
  return (
    <>
      {failed.total > failed.latest.length && (
        <p className="muted">
          {t("dashboard.failedMore", {
            shown: formatNumber(failed.latest.length, lang),
            total: formatNumber(failed.total, lang),
          })}
        </p>
      )}
      <DataTable
        caption={t("dashboard.failedCaption")}
        columns={[t("dashboard.failedTo"), t("dashboard.failedError"), t("dashboard.failedAt")]}
      >
        {failed.latest.map((f) => (
          <tr key={f.id}>
            <td className="cell-break">{f.to ?? t("dashboard.unknownRecipient")}</td>
            <td className="cell-break failed-error">{f.error ?? "—"}</td>
            <td>
              {f.failedAt ? <time dateTime={f.failedAt}>{formatDateTime(f.failedAt, lang)}</time> : "—"}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
