import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../core/learners/learners.types.ts";
import { ApiError } from "../../api/http.ts";
import { importLearners, previewLearnerImport } from "../../api/learners.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";

/** CSV import: choose a file, see every row's action and errors, then import it when it has none. */
export function LearnerImport({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => previewLearnerImport(slug, f) });
  const apply = useMutation({
    mutationFn: (f: File) => importLearners(slug, f),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.learners(slug) });
    },
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    // Let the same file be chosen again after it was fixed (browsers skip "change" for an unchanged value).
    event.target.value = "";
    setFile(chosen);
    apply.reset();
    preview.reset();
    if (chosen) preview.mutate(chosen);
  };
  const error = preview.error ?? apply.error;
  const errorMessage = error
    ? [
        errorText(error),
        ...(error instanceof ApiError ? error.issues.slice(0, 20).map((i) => i.message[lang]) : []),
      ].join(" ")
    : null;
  const p: ImportPreview | undefined = preview.data;
  const toWrite = p ? p.summary.create + p.summary.update : 0;
  const canImport = p !== undefined && p.summary.error === 0 && !apply.isSuccess;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("learnerImport.title")}</h2>
      <p className="muted" id={hintId}>
        {t("learnerImport.intro")}
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t("learnerImport.file")}</label>
        <input id={inputId} type="file" accept=".csv,text/csv" aria-describedby={hintId} onChange={choose} />
        {file && <p className="muted">{t("learnerImport.chosenFile", { name: file.name })}</p>}
      </div>
      <FormAlert message={errorMessage} />
      <StatusMessage>
        {apply.isSuccess
          ? t("learnerImport.done", {
              created: apply.data.created,
              updated: apply.data.updated,
              unchanged: apply.data.unchanged,
            })
          : preview.isPending
            ? t("learnerImport.reading")
            : null}
      </StatusMessage>
      {p && (
        <>
          <ul className="import-summary" aria-label={t("learnerImport.summaryLabel")}>
            <li>{t("learnerImport.rows", { count: p.summary.rows })}</li>
            <li>{t("learnerImport.toCreate", { count: p.summary.create })}</li>
            <li>{t("learnerImport.toUpdate", { count: p.summary.update })}</li>
            <li>{t("learnerImport.unchanged", { count: p.summary.unchanged })}</li>
            <li>
              <strong>{t("learnerImport.withErrors", { count: p.summary.error })}</strong>
            </li>
          </ul>
          {p.truncated && <p className="muted">{t("learnerImport.truncated", { shown: p.rows.length })}</p>}
          <DataTable
            caption={t("learnerImport.tableCaption")}
            showCaption
            columns={[
              t("learnerImport.line"),
              t("learnerImport.action"),
              t("learners.studentNumber"),
              t("learners.givenName"),
              t("learners.familyName"),
              t("learnerImport.errors"),
            ]}
          >
            {p.rows.map((row) => (
              <tr key={row.line} className={row.action === "error" ? "row-error" : undefined}>
                <td>{row.line}</td>
                <td>{t(`learnerImport.actions.${row.action}`)}</td>
                <td>{row.values.studentNumber ?? ""}</td>
                <td>{row.values.givenName ?? ""}</td>
                <td>{row.values.familyName ?? ""}</td>
                <td>
                  {row.errors.length > 0 && (
                    <ul className="import-errors">
                      {row.errors.map((e) => (
                        <li key={`${e.field}-${e.message.en}`}>
                          {e.field === "row" ? "" : `${t(`learners.${e.field}`)}${t("learnerImport.colon")}`}
                          {e.message[lang]}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={!canImport || apply.isPending}
              aria-busy={apply.isPending || undefined}
              onClick={() => file && apply.mutate(file)}
            >
              {t("learnerImport.submit", { count: toWrite })}
            </button>
          </div>
          {p.summary.error > 0 && <p className="muted">{t("learnerImport.fixFirst")}</p>}
        </>
      )}
    </section>
  );
}
