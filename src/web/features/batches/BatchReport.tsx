import { useTranslation } from "react-i18next";
import type { Batch, BatchValidation } from "../../../core/issuance/issuance.types.ts";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatNumber } from "../../lib/format.ts";

/** The result of an accepted upload: checked only, or nothing new to issue (a started batch opens its own page). */
export function BatchReport({
  dryRun,
  validation,
  batch,
}: {
  dryRun: boolean;
  validation: BatchValidation;
  batch: Batch | null;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const n = (value: number) => formatNumber(value, lang);
  const message = dryRun ? t("batches.checkedOk") : batch ? null : t("batches.nothingNew");
  return (
    <div className="batch-report">
      <StatusMessage>{message}</StatusMessage>
      <ul className="import-summary" aria-label={t("batches.reportLabel")}>
        <li>{t("batches.rows", { formatted: n(validation.rows) })}</li>
        <li>{t("batches.alreadyIssued", { formatted: n(validation.alreadyIssued) })}</li>
        <li>
          <strong>
            {t("batches.toIssue", { formatted: n(validation.rows - validation.alreadyIssued) })}
          </strong>
        </li>
      </ul>
    </div>
  );
}
