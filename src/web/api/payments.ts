import type { CheckoutStart, PaymentHistoryItem, PaymentStatus } from "../../core/payments/payments.types.ts";
import type { CreatedShare, ShareInput } from "../../core/sharing/sharing.types.ts";
import { request } from "./request.ts";

/** Starts (or resumes) the checkout to unlock one of my documents. */
export const startUnlockCheckout = (documentId: string) =>
  request<CheckoutStart>("POST", `/api/v1/wallet/documents/${encodeURIComponent(documentId)}/unlock`);

/** Starts the checkout for a share with a fee; the share is created once the payment is confirmed. */
export const startShareCheckout = (input: ShareInput) =>
  request<CheckoutStart>("POST", "/api/v1/wallet/shares/checkout", { json: input });

export const listPayments = async () =>
  (await request<{ payments: PaymentHistoryItem[] }>("GET", "/api/v1/wallet/payments")).payments;

/** A share payment's outcome; the first call after the share was made carries its link, once. */
export const takeSharePayment = (paymentId: string) =>
  request<{ status: PaymentStatus; created: CreatedShare | null; shareError: string | null }>(
    "POST",
    `/api/v1/wallet/payments/${encodeURIComponent(paymentId)}/share`,
  );

export const walletFileUrl = (documentId: string) =>
  `/api/v1/wallet/documents/${encodeURIComponent(documentId)}/file`;

/** An amount in minor units in the reader's language: "12,50 $" or "$12.50". */
export function formatMoney(cents: number, currency: string, lang: "fr" | "en"): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency }).format(
    cents / 100,
  );
}
