import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { csvText } from "../../lib/csvText.ts";
import { downloadText } from "../../lib/downloadText.ts";
import { formatNumber } from "../../lib/format.ts";
import { type BatchProblem, columnName } from "./batchProblem.ts";

/** At most this many problems go into the page; the CSV download has them all. */
export const PROBLEMS_SHOWN = 200;

/** The problems of a refused batch: a count, the first ones in a table, and all of them as CSV. */
export function BatchProblems({ problems }: { problems: BatchProblem[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const where = (p: BatchProblem) =>
    p.line !== null
      ? columnName(p.field, lang) || t("batches.wholeRow")
      : (p.file ?? t("batches.wholeUpload"));
  const download = () =>
    downloadText(
      csvText([
        [t("batches.csvLine"), t("batches.csvColumn"), t("batches.csvFile"), t("batches.csvMessage")],
        ...problems.map((p) => [p.line, columnName(p.field, lang), p.file, p.message[lang]]),
      ]),
      t("batches.problemsFile"),
    );
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <section className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("batches.problemsTitle")}</h3>
      <p>
        <strong>
          {t("batches.problemsCount", {
            count: problems.length,
            formatted: formatNumber(problems.length, lang),
          })}
        </strong>{" "}
        {problems.length > PROBLEMS_SHOWN && t("batches.problemsCapped", { shown: PROBLEMS_SHOWN })}
      </p>
      <p>
        <button type="button" className="button button-secondary button-small" onClick={download}>
          {t("batches.downloadProblems")}
        </button>
      </p>
      <DataTable
        caption={t("batches.problemsCaption")}
        columns={[t("batches.line"), t("batches.where"), t("batches.problem")]}
      >
        {shown.map((p, i) => (
          // Problems have no id; their order never changes while shown.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, replaced as a whole
          <tr key={i}>
            <td className="cell-count">{p.line ?? "—"}</td>
            <td className="cell-break">{where(p)}</td>
            <td>{p.message[lang]}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
