import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../../core/issuance/issuance.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatNumber } from "../../lib/format.ts";

/** A batch's progress: a bar, a sentence announced politely as it changes, and the counts by outcome. */
export function BatchProgress({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const barId = useId();
  const n = (value: number) => formatNumber(value, lang);
  const { issued, failed, skipped, pending } = batch.counts;
  const processed = batch.total - pending;
  const values = { issued: n(issued), total: n(batch.total), failed: n(failed), skipped: n(skipped) };
  const text =
    batch.status === "done" ? t("batches.progressDone", values) : t("batches.progressText", values);
  return (
    <div className="batch-progress">
      <label htmlFor={barId} className="batch-progress-label">
        {t("batches.progressLabel")}
      </label>
      <progress id={barId} max={Math.max(batch.total, 1)} value={batch.total === 0 ? 1 : processed}>
        {n(processed)} / {n(batch.total)}
      </progress>
      <p className="batch-progress-text" role="status" aria-live="polite">
        {text}
      </p>
      <dl className="batch-counts">
        <div>
          <dt>{t("batches.issued")}</dt>
          <dd>{n(issued)}</dd>
        </div>
        <div className={failed > 0 ? "batch-count-failed" : undefined}>
          <dt>{t("batches.failed")}</dt>
          <dd>{n(failed)}</dd>
        </div>
        <div>
          <dt>{t("batches.skipped")}</dt>
          <dd>{n(skipped)}</dd>
        </div>
        <div>
          <dt>{t("batches.remaining")}</dt>
          <dd>{n(pending)}</dd>
        </div>
      </dl>
    </div>
  );
}
