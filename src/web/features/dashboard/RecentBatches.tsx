import { useTranslation } from "react-i18next";
import type { Batch } from "../../../core/issuance/issuance.types.ts";
import { BatchesTable } from "../batches/BatchesTable.tsx";

/** The latest batches, as on the batches tab; each links to its own page. */
export function RecentBatches({ slug, batches }: { slug: string; batches: Batch[] }) {
  const { t } = useTranslation();
  if (batches.length === 0) return <p className="empty">{t("dashboard.batchesNone")}</p>;
  return <BatchesTable slug={slug} batches={batches} />;
}
