import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PaymentHistoryItem } from "../../../core/payments/payments.types.ts";
import { formatMoney, refundInstitutionPayment } from "../../api/payments.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";

/** "Refund" on a paid row: a modal dialog saying what a refund does, then the refund route. */
export function RefundDialog({
  slug,
  payment: p,
  onRefunded,
}: {
  slug: string;
  payment: PaymentHistoryItem;
  onRefunded: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const amount = formatMoney(p.amountCents, p.currency, lang);
  const mutation = useMutation({
    mutationFn: () => refundInstitutionPayment(slug, p.id),
    onSuccess: () => {
      setOpen(false);
      onRefunded();
    },
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        {t("revenue.refund")}
        <span className="visually-hidden"> {`${p.document.title} ${p.receiptNumber ?? ""}`}</span>
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 id={titleId}>{t("revenue.refundTitle", { amount, receipt: p.receiptNumber ?? "" })}</h2>
        <p>{t(p.purpose === "unlock" ? "revenue.refundWarningUnlock" : "revenue.refundWarningShare")}</p>
        <FormAlert message={mutation.isError ? errorText(mutation.error) : null} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {t("revenue.refundConfirm", { amount })}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            {t("revenue.cancel")}
          </button>
        </div>
      </dialog>
    </>
  );
}
