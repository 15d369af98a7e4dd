import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentDetail } from "../../../core/documents/documents.types.ts";
import { replaceDocument } from "../../api/documents.ts";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { checkPdfFile } from "../verification/pdfFile.ts";

const FIELDS = ["file", "title", "issueDate"] as const;

/** "Replace with a corrected file": the PDF, and optionally a new title and issue date. */
export function ReplaceForm({
  slug,
  document: d,
  onReplaced,
}: {
  slug: string;
  document: DocumentDetail;
  onReplaced: (next: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [issueDate, setIssueDate] = useState("");
  const feedback = useFormFeedback(FIELDS, { not_a_pdf: "file", payload_too_large: "file" });
  const mutation = useMutation({
    mutationFn: (chosen: File) => replaceDocument(slug, d.id, { file: chosen, title, issueDate }),
    onSuccess: onReplaced,
    onError: feedback.fail,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const problem = file ? checkPdfFile(file) : "missing";
    const ok = feedback.validate({
      file: problem === "missing" ? "pdfRequired" : problem ? "pdfInvalid" : undefined,
    });
    if (ok && file) mutation.mutate(file);
  };
  const fileHint = t("documents.replaceFileHint");
  const fileError = feedback.fieldErrors.file;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("documents.replaceTitle")}</h2>
      <p>{t("documents.replaceIntro")}</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={feedback.formError} />
        <FieldFrame controlId={fileId} label={t("documents.replaceFile")} hint={fileHint} error={fileError}>
          <input
            id={fileId}
            type="file"
            name="file"
            accept="application/pdf,.pdf"
            className="input"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            aria-describedby={fieldIds(fileId, fileHint, fileError).describedBy}
            aria-invalid={fileError ? true : undefined}
          />
        </FieldFrame>
        <TextField
          label={t("documents.newTitle")}
          hint={t("documents.newTitleHint", { title: d.title })}
          maxLength={200}
          {...feedback.bind("title", title, setTitle)}
        />
        <TextField
          label={t("documents.newIssueDate")}
          hint={t("documents.newIssueDateHint")}
          type="date"
          {...feedback.bind("issueDate", issueDate, setIssueDate)}
        />
        <SubmitButton pending={mutation.isPending}>{t("documents.replaceSubmit")}</SubmitButton>
      </form>
    </section>
  );
}
