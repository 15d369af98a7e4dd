import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";

interface ResendCodeDialogProps {
  pending: boolean;
  error: unknown;
  /** Sends the new code; the dialog closes when it resolves. */
  onConfirm: () => Promise<void>;
  onOpen: () => void;
}

/**
 * "Send a new access code…": a modal dialog that explains the code sent before stops working, then
 * confirms. The native dialog keeps the focus inside and Escape closes it.
 */
export function ResendCodeDialog({ pending, error, onConfirm, onOpen }: ResendCodeDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className="button button-secondary"
        onClick={() => {
          onOpen();
          setOpen(true);
        }}
      >
        {t("learnerInvitation.resend")}
      </button>
      <dialog
        ref={ref}
        className="dialog"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onClose={() => setOpen(false)}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (pending) return;
            onConfirm().then(
              () => {
                setOpen(false);
                openerRef.current?.focus();
              },
              () => undefined,
            );
          }}
        >
          <h2 id={titleId}>{t("learnerInvitation.resendTitle")}</h2>
          <p id={textId}>{t("learnerInvitation.resendWarning")}</p>
          <FormAlert message={error ? errorText(error) : null} />
          <div className="form-actions">
            <SubmitButton pending={pending}>{t("learnerInvitation.resendConfirm")}</SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t("learnerInvitation.cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
