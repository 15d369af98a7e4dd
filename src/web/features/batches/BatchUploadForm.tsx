import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Batch, BatchValidation } from "../../../core/issuance/issuance.types.ts";
import { ApiError } from "../../api/http.ts";
import { uploadBatch } from "../../api/issuance.ts";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { BatchProblems } from "./BatchProblems.tsx";
import { BatchReport } from "./BatchReport.tsx";
import { type BatchProblem, batchProblem } from "./batchProblem.ts";
import { ManifestHelp } from "./ManifestHelp.tsx";

const FIELDS = ["manifest", "files"] as const;
type Field = (typeof FIELDS)[number];

/** Errors about one of the two files as a whole. */
const CODE_FIELDS: Record<string, Field> = {
  csv_not_utf8: "manifest",
  csv_invalid: "manifest",
  archive_invalid: "files",
  archive_too_large: "files",
  payload_too_large: "files",
};

type Outcome = { dryRun: boolean; validation: BatchValidation; batch: Batch | null };

/** The upload of a batch (manifest and ZIP): "check only" (dry run) or "issue", then its report. */
export function BatchUploadForm({ slug, onStarted }: { slug: string; onStarted: (batch: Batch) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const manifestId = useId();
  const filesId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [manifest, setManifest] = useState<File | null>(null);
  const [files, setFiles] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A refused batch: its problems stay apart from the form's feedback (there may be thousands).
  const [refused, setRefused] = useState<{ error: ApiError; problems: BatchProblem[] } | null>(null);
  const feedback = useFormFeedback(FIELDS, CODE_FIELDS);
  const mutation = useMutation({
    mutationFn: (input: { manifest: File; files: File; dryRun: boolean }) => uploadBatch(slug, input),
    onSuccess: (result, input) => {
      feedback.clear();
      setOutcome({ dryRun: input.dryRun, ...result });
      if (result.batch) onStarted(result.batch);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "batch_has_errors") {
        feedback.clear();
        setRefused({ error, problems: error.issues.map(batchProblem) });
      } else feedback.fail(error);
    },
  });

  const send = (dryRun: boolean) => {
    if (mutation.isPending) return;
    setOutcome(null);
    setRefused(null);
    const errors: ClientErrors<Field> = {
      manifest: manifest && /\.(csv|txt)$/i.test(manifest.name) ? undefined : "manifestFile",
      files: files && /\.zip$/i.test(files.name) ? undefined : "archiveFile",
    };
    if (!feedback.validate(errors)) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    if (manifest && files) mutation.mutate({ manifest, files, dryRun });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    send(submitter?.getAttribute("value") !== "issue");
  };
  const choose = (setter: (file: File | null) => void) => (event: { target: HTMLInputElement }) => {
    setter(event.target.files?.[0] ?? null);
    setOutcome(null);
    setRefused(null);
  };

  const fileInput = (id: string, field: Field, accept: string, label: string, hint: string) => {
    const error = feedback.fieldErrors[field];
    return (
      <FieldFrame controlId={id} label={label} hint={hint} error={error}>
        <input
          id={id}
          type="file"
          name={field}
          accept={accept}
          className="input input-file"
          onChange={choose(field === "manifest" ? setManifest : setFiles)}
          aria-describedby={fieldIds(id, hint, error).describedBy}
          aria-invalid={error ? true : undefined}
        />
      </FieldFrame>
    );
  };
  const pendingText = mutation.isPending
    ? mutation.variables?.dryRun
      ? t("batches.checking")
      : t("batches.uploading")
    : null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("batches.uploadTitle")}</h2>
      <p>{t("batches.uploadIntro")}</p>
      <ManifestHelp />
      <form ref={formRef} className="form batch-form" onSubmit={submit} noValidate>
        <FormAlert message={feedback.formError ?? (refused ? errorText(refused.error) : null)} />
        {fileInput(manifestId, "manifest", ".csv,text/csv", t("batches.manifest"), t("batches.manifestHint"))}
        {fileInput(filesId, "files", ".zip,application/zip", t("batches.archive"), t("batches.archiveHint"))}
        <div className="form-actions">
          <button
            type="submit"
            value="check"
            className="button button-secondary"
            aria-disabled={mutation.isPending || undefined}
            aria-busy={(mutation.isPending && mutation.variables?.dryRun) || undefined}
          >
            {t("batches.check")}
          </button>
          <button
            type="submit"
            value="issue"
            className="button button-primary"
            aria-disabled={mutation.isPending || undefined}
            aria-busy={(mutation.isPending && !mutation.variables?.dryRun) || undefined}
          >
            {t("batches.issue")}
          </button>
        </div>
        <p role="status" className={pendingText ? "loading" : "status-empty"}>
          {pendingText}
        </p>
      </form>
      {outcome && (
        <BatchReport dryRun={outcome.dryRun} validation={outcome.validation} batch={outcome.batch} />
      )}
      {refused && <BatchProblems problems={refused.problems} />}
    </section>
  );
}
