import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BatchSummary } from "../../../core/dashboard/dashboard.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";

/** The latest batches with their rows counted by outcome; each links to its own page. */
export function RecentBatches({ slug, batches }: { slug: string; batches: BatchSummary[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const n = (value: number) => formatNumber(value, lang);
  if (batches.length === 0) return <p className="empty">{t("dashboard.batchesNone")}</p>;
  return (
    <DataTable
      caption={t("dashboard.batchesCaption")}
      columns={[
        t("dashboard.batchFile"),
        t("dashboard.batchCreated"),
        t("dashboard.batchStatus"),
        t("dashboard.batchTotal"),
        t("dashboard.itemsIssued"),
        t("dashboard.itemsFailed"),
        t("dashboard.itemsSkipped"),
        t("dashboard.itemsPending"),
      ]}
    >
      {batches.map((b) => (
        <tr key={b.id}>
          <td className="cell-break">
            <Link to={`/institutions/${encodeURIComponent(slug)}/batches/${encodeURIComponent(b.id)}`}>
              {b.manifestName}
            </Link>
          </td>
          <td>
            <time dateTime={b.createdAt}>{formatDateTime(b.createdAt, lang)}</time>
          </td>
          <td>
            <span className={`badge badge-standalone ${b.status === "done" ? "badge-active" : "badge-info"}`}>
              {t(`dashboard.batchStatuses.${b.status}`)}
            </span>
          </td>
          <td className="cell-number">{n(b.total)}</td>
          <td className="cell-number">{n(b.items.issued)}</td>
          <td className={`cell-number${b.items.failed > 0 ? " cell-alert" : ""}`}>{n(b.items.failed)}</td>
          <td className="cell-number">{n(b.items.skipped)}</td>
          <td className="cell-number">{n(b.items.pending)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
