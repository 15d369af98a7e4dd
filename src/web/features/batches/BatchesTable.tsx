import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Batch } from "../../../core/issuance/issuance.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { BatchStatusBadge } from "./BatchStatusBadge.tsx";

/** The latest batches: when, by whom, which manifest (a link to the batch's page), status and counts. */
export function BatchesTable({ slug, batches }: { slug: string; batches: Batch[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const n = (value: number) => formatNumber(value, lang);
  return (
    <DataTable
      caption={t("batches.recentCaption")}
      columns={[
        t("batches.manifestName"),
        t("batches.created"),
        t("batches.by"),
        t("batches.status"),
        t("batches.issued"),
        t("batches.failed"),
        t("batches.remaining"),
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
          <td className="cell-break">{b.createdBy}</td>
          <td>
            <BatchStatusBadge status={b.status} />
          </td>
          <td className="cell-count">{n(b.counts.issued)}</td>
          <td className={b.counts.failed > 0 ? "cell-count cell-failed" : "cell-count"}>
            {n(b.counts.failed)}
          </td>
          <td className="cell-count">{n(b.counts.pending)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
