import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Learner } from "../../../core/learners/learners.types.ts";
import { listDocumentTypes } from "../../api/document-types.ts";
import { type IssuedDocument, issueDocument } from "../../api/issuance.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";
import { localToday } from "../../lib/localToday.ts";
import { readFileAsBase64 } from "../../lib/readFileAsBase64.ts";
import { checkPdfFile } from "../verification/pdfFile.ts";
import { LearnerPicker } from "./LearnerPicker.tsx";

const FIELDS = ["learnerId", "documentTypeId", "title", "issueDate", "externalId", "pdf"] as const;
type Field = (typeof FIELDS)[number];

/** Errors whose whole message concerns one field. */
const CODE_FIELDS: Record<string, Field> = {
  not_a_pdf: "pdf",
  payload_too_large: "pdf",
  pdf_unsignable: "pdf",
  document_type_archived: "documentTypeId",
  external_id_taken: "externalId",
};

/** Issuing one document: learner, type, title, issue date, optional external id, and the PDF. */
export function IssueDocumentForm({
  slug,
  onIssued,
}: {
  slug: string;
  onIssued: (document: IssuedDocument, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const learnerInputId = useId();
  const pdfId = useId();
  const [learner, setLearner] = useState<Learner | null>(null);
  const [documentTypeId, setDocumentTypeId] = useState("");
  const [title, setTitle] = useState("");
  const [issueDate, setIssueDate] = useState(localToday);
  const [externalId, setExternalId] = useState("");
  const [pdf, setPdf] = useState<File | null>(null);
  const feedback = useFormFeedback(FIELDS, CODE_FIELDS);
  const types = useQuery({
    queryKey: queryKeys.documentTypes(slug),
    queryFn: () => listDocumentTypes(slug, true),
  });
  const active = (types.data ?? []).filter((type) => !type.archived);
  const mutation = useMutation({
    mutationFn: async (input: { learnerId: string; file: File }) =>
      issueDocument(slug, {
        learnerId: input.learnerId,
        documentTypeId,
        title: title.trim(),
        issueDate,
        ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
        pdf: await readFileAsBase64(input.file),
      }),
    onSuccess: ({ document, created }) => onIssued(document, created),
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const pdfProblem = pdf ? checkPdfFile(pdf) : "missing";
    const errors: ClientErrors<Field> = {
      learnerId: learner ? undefined : "learnerRequired",
      documentTypeId: documentTypeId ? undefined : "documentTypeRequired",
      title: title.trim() ? undefined : "titleRequired",
      issueDate: /^\d{4}-\d{2}-\d{2}$/.test(issueDate) && issueDate <= localToday() ? undefined : "issueDate",
      pdf: pdfProblem === "missing" ? "pdfChoose" : pdfProblem ? "pdfInvalid" : undefined,
    };
    if (!feedback.validate(errors)) {
      const first = FIELDS.find((field) => errors[field]);
      const target = first === "learnerId" ? learnerInputId : first === "pdf" ? pdfId : null;
      if (target) document.getElementById(target)?.focus();
      else if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    if (learner && pdf) mutation.mutate({ learnerId: learner.id, file: pdf });
  };

  const pdfHint = t("issue.pdfHint");
  const pdfError = feedback.fieldErrors.pdf;
  return (
    <form className="form issue-form" onSubmit={submit} noValidate>
      <FormAlert message={feedback.formError} />
      <LearnerPicker
        slug={slug}
        learner={learner}
        onChoose={setLearner}
        error={feedback.fieldErrors.learnerId}
        inputId={learnerInputId}
      />
      <SelectField
        label={t("issue.type")}
        name="documentTypeId"
        value={documentTypeId}
        onChange={(event) => setDocumentTypeId(event.target.value)}
        error={feedback.fieldErrors.documentTypeId}
        hint={types.isSuccess && active.length === 0 ? t("issue.typeNone") : undefined}
      >
        <option value="">{t("issue.typeChoose")}</option>
        {active.map((type) => (
          <option key={type.id} value={type.id}>
            {localizedName(type, lang)} ({type.code})
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("issue.docTitle")}
        hint={t("issue.titleHint")}
        maxLength={200}
        {...feedback.bind("title", title, setTitle)}
      />
      <TextField
        label={t("issue.issueDate")}
        hint={t("issue.issueDateHint")}
        type="date"
        max={localToday()}
        {...feedback.bind("issueDate", issueDate, setIssueDate)}
      />
      <TextField
        label={t("issue.externalId")}
        hint={t("issue.externalIdHint")}
        maxLength={100}
        autoComplete="off"
        {...feedback.bind("externalId", externalId, setExternalId)}
      />
      <FieldFrame controlId={pdfId} label={t("issue.pdf")} hint={pdfHint} error={pdfError}>
        <input
          id={pdfId}
          type="file"
          name="pdf"
          accept="application/pdf,.pdf"
          className="input input-file"
          onChange={(event) => setPdf(event.target.files?.[0] ?? null)}
          aria-describedby={fieldIds(pdfId, pdfHint, pdfError).describedBy}
          aria-invalid={pdfError ? true : undefined}
        />
      </FieldFrame>
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("issue.submit")}</SubmitButton>
      </div>
      <p role="status" className={mutation.isPending ? "loading" : "status-empty"}>
        {mutation.isPending ? t("issue.pending") : null}
      </p>
    </form>
  );
}
