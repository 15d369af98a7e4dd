import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../hooks/useLocale.ts";
import { downloadText } from "../../lib/downloadText.ts";
import { localToday } from "../../lib/localToday.ts";
import { columnName } from "./batchProblem.ts";
import { exampleManifest, MANIFEST_FIELDS } from "./exampleManifest.ts";

/** What a manifest holds, column by column, and an example to download (built in the page). */
export function ManifestHelp() {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const download = () =>
    downloadText(exampleManifest(lang, t("batches.exampleTitle"), localToday()), t("batches.exampleFile"));
  return (
    <div className="manifest-help">
      <h3 id={headingId}>{t("batches.columnsTitle")}</h3>
      <dl className="manifest-columns">
        {MANIFEST_FIELDS.map((field) => (
          <div key={field}>
            <dt>
              <code>{columnName(field, lang)}</code>
            </dt>
            <dd>{t(`batches.columns.${field}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t("batches.columnsOther")}</p>
      <button type="button" className="button button-secondary button-small" onClick={download}>
        {t("batches.example")}
      </button>
    </div>
  );
}
