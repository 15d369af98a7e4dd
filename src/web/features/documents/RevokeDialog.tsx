import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentDetail } from "../../../core/documents/documents.types.ts";
import { revokeDocument } from "../../api/documents.ts";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";

const FIELDS = ["reason"] as const;

/**
 * "Revoke": a modal dialog asking for the reason (3 to 500 characters, shown by verification) and
 * confirming that revocation is final. The native dialog keeps the focus inside and Escape closes it.
 */
export function RevokeDialog({
  slug,
  document: d,
  onRevoked,
}: {
  slug: string;
  document: DocumentDetail;
  onRevoked: (updated: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const feedback = useFormFeedback(FIELDS);
  const mutation = useMutation({
    mutationFn: () => revokeDocument(slug, d.id, reason),
    onSuccess: (updated) => {
      setOpen(false);
      onRevoked(updated);
    },
    onError: feedback.fail,
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const length = reason.trim().length;
    if (!feedback.validate({ reason: length < 3 || length > 500 ? "revocationReason" : undefined })) {
      reasonRef.current?.focus();
      return;
    }
    mutation.mutate();
  };
  const error = feedback.fieldErrors.reason;
  const hint = t("documents.revokeReasonHint");
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t("documents.revoke")}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{t("documents.revokeTitle", { title: d.title })}</h2>
          <p>{t("documents.revokeWarning")}</p>
          <FormAlert message={feedback.formError} />
          <FieldFrame controlId={reasonId} label={t("documents.revocationReason")} hint={hint} error={error}>
            <textarea
              id={reasonId}
              ref={reasonRef}
              className="input textarea"
              name="reason"
              rows={4}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-describedby={fieldIds(reasonId, hint, error).describedBy}
              aria-invalid={error ? true : undefined}
            />
          </FieldFrame>
          <div className="form-actions">
            <SubmitButton pending={mutation.isPending} variant="danger">
              {t("documents.revokeConfirm")}
            </SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t("documents.cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
