import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { PaymentHistoryItem } from "../../../core/payments/payments.types.ts";
import { formatMoney, listPayments, takeSharePayment } from "../../api/payments.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useLocale } from "../../hooks/useLocale.ts";

/** How long the page waits for the gateway's confirmation (the webhook) before saying it is late. */
const POLL_MS = 1000;
const POLL_TRIES = 20;

/**
 * The confirmation after the gateway's checkout (…/wallet?payment=<id>&checkout=done|cancelled):
 * paid and unlocked (or shared, with the share's link, shown once), or cancelled with nothing
 * charged. Polls briefly when the gateway's confirmation has not arrived yet.
 */
export function CheckoutReturn() {
  const [params] = useSearchParams();
  const paymentId = params.get("payment");
  const outcome = params.get("checkout");
  if (!paymentId || (outcome !== "done" && outcome !== "cancelled")) return null;
  return outcome === "cancelled" ? <Cancelled /> : <Done paymentId={paymentId} />;
}

function Cancelled() {
  const { t } = useTranslation();
  return (
    <div role="status" className="alert alert-warning checkout-return">
      <p>{t("payments.return.cancelled")}</p>
    </div>
  );
}

function Done({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const client = useQueryClient();
  const [tries, setTries] = useState(0);
  const payments = useQuery({ queryKey: queryKeys.payments, queryFn: listPayments });
  const payment = payments.data?.find((p) => p.id === paymentId) ?? null;
  const settled = payment !== null && payment.status !== "pending";
  const late = !settled && tries >= POLL_TRIES;

  useEffect(() => {
    if (settled || late || payments.isFetching) return;
    const timer = setTimeout(() => {
      setTries((n) => n + 1);
      void payments.refetch();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [settled, late, payments]);
  useEffect(() => {
    if (payment?.status === "paid") void client.invalidateQueries({ queryKey: queryKeys.wallet });
  }, [payment?.status, client]);

  if (!settled)
    return (
      <div role="status" className={late ? "alert alert-warning checkout-return" : "checkout-return"}>
        <p>{late ? t("payments.return.late") : t("payments.return.waiting")}</p>
      </div>
    );
  if (payment.status !== "paid")
    return (
      <div role="status" className="alert alert-warning checkout-return">
        <p>{t("payments.return.notPaid", { status: t(`payments.status.${payment.status}`) })}</p>
      </div>
    );
  const amount = formatMoney(payment.amountCents, payment.currency, lang);
  return (
    <div role="status" className="alert alert-success checkout-return">
      {payment.purpose === "share" ? (
        <SharePaid payment={payment} amount={amount} />
      ) : (
        <p>
          {t("payments.return.paid", {
            title: payment.document.title,
            amount,
            receipt: payment.receiptNumber ?? "—",
          })}
        </p>
      )}
      <p>
        <Link to="/wallet/payments">{t("payments.history.title")}</Link>
      </p>
    </div>
  );
}

function SharePaid({ payment, amount }: { payment: PaymentHistoryItem; amount: string }) {
  const { t } = useTranslation();
  const outcome = useQuery({
    queryKey: ["share-payment", payment.id],
    queryFn: () => takeSharePayment(payment.id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const created = outcome.data?.created ?? null;
  return (
    <>
      <p>{t("payments.return.sharePaid", { amount, receipt: payment.receiptNumber ?? "—" })}</p>
      {outcome.data?.shareError && <p>{t("payments.return.shareFailed")}</p>}
      {created?.link && (
        <p className="stack">
          <label htmlFor="paid-share-link">{t("payments.return.shareLink")}</label>
          <input
            id="paid-share-link"
            className="input"
            readOnly
            value={created.link}
            onFocus={(e) => e.target.select()}
          />
        </p>
      )}
      {created && !created.link && created.share.channel !== "organization" && (
        <p>{t("payments.return.shareLinkGone")}</p>
      )}
    </>
  );
}
