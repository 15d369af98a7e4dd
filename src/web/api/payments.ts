import type {
  CheckoutStart,
  PaymentHistoryItem,
  PaymentStatus,
  RevenueReport,
} from "../../core/payments/payments.types.ts";
import type { CreatedShare, ShareInput } from "../../core/sharing/sharing.types.ts";
import { request } from "./http.ts";

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

const period = (from: string, to: string) => {
  const s = new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v !== ""));
  return s.size ? `?${s}` : "";
};

/** An institution's fees received and refunded over whole days (admins); "" leaves the server's default. */
export const getRevenueReport = (slug: string, from: string, to: string) =>
  request<RevenueReport>(
    "GET",
    `/api/v1/institutions/${encodeURIComponent(slug)}/revenue${period(from, to)}`,
  );

export const revenueCsvUrl = (slug: string, from: string, to: string) =>
  `/api/v1/institutions/${encodeURIComponent(slug)}/revenue.csv${period(from, to)}`;

/** One page (from 1) of the payments an institution received (admins). */
export const listInstitutionPayments = (slug: string, page: number) =>
  request<{ payments: PaymentHistoryItem[]; page: number; hasMore: boolean }>(
    "GET",
    `/api/v1/institutions/${encodeURIComponent(slug)}/payments?page=${page}`,
  );

/** Gives a payment back (admins): the money through the gateway, and what it unlocked is withdrawn. */
export const refundInstitutionPayment = (slug: string, paymentId: string) =>
  request<{ id: string; status: PaymentStatus; refundedAt: string | null }>(
    "POST",
    `/api/v1/institutions/${encodeURIComponent(slug)}/payments/${encodeURIComponent(paymentId)}/refund`,
  );
