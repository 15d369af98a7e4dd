import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../../core/issuance/issuance.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** When and by whom a batch was sent, from where, and when it ran. */
export function BatchFacts({ batch: b }: { batch: Batch }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lang)}</time> : "—");
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("batches.facts")}</h2>
      <dl className="details">
        <Fact label={t("batches.manifestName")}>{b.manifestName}</Fact>
        <Fact label={t("batches.total")}>{formatNumber(b.total, lang)}</Fact>
        <Fact label={t("batches.created")}>{when(b.createdAt)}</Fact>
        <Fact label={t("batches.by")}>{b.createdBy}</Fact>
        <Fact label={t("batches.source")}>{t(`batches.sources.${b.source}`)}</Fact>
        <Fact label={t("batches.startedAt")}>{when(b.startedAt)}</Fact>
        <Fact label={t("batches.finishedAt")}>{when(b.finishedAt)}</Fact>
      </dl>
    </section>
  );
}
