import type { Bilingual } from "../i18n.types.ts";

/** What a fee pays for: unlocking a document, or sharing it. */
export type PaymentPurpose = "unlock" | "share";

export type PaymentStatus = "pending" | "paid" | "expired" | "refunded" | "failed";

/** Which gateway took the payment. */
export type GatewayName = "stripe" | "development";

/** A payment as stored (payments table). */
export interface PaymentRecord {
  id: string;
  userId: string;
  institutionId: string;
  documentId: string;
  purpose: PaymentPurpose;
  amountCents: number;
  /** ISO 4217, e.g. "CAD". */
  currency: string;
  status: PaymentStatus;
  gateway: GatewayName;
  gatewaySessionId: string | null;
  gatewayPaymentId: string | null;
  /** What the payment is for once paid (a share's validated parameters), set when it was started. */
  intent: Record<string, unknown>;
  receiptNumber: string | null;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
}

/** A checkout the gateway hosts (Stripe Checkout, or the development test page). */
export interface CheckoutRequest {
  paymentId: string;
  amountCents: number;
  currency: string;
  description: Bilingual;
  successUrl: string;
  cancelUrl: string;
  customerEmail: string;
  expiresAt: Date;
  /** The payer's language, for the hosted page. */
  locale: "fr" | "en";
}

/** A gateway's webhook event, normalised. "ignored": a kind of event the portal does not act on. */
export interface GatewayEvent {
  /** The gateway's event id (applied once: payment_events). */
  id: string;
  type: "paid" | "expired" | "refunded" | "ignored";
  sessionId?: string;
  /** Our payment id (Stripe: client_reference_id). */
  paymentId?: string;
  /** The gateway's id of the money movement (Stripe: the PaymentIntent). */
  gatewayPaymentId?: string;
}

/** The price to unlock a document, as the learner sees it before paying. */
export interface UnlockQuote {
  documentId: string;
  amountCents: number;
  currency: string;
  /** The amount formatted in the learner's language, e.g. "12,50 $" or "$12.50". */
  formatted: string;
  unlocked: boolean;
}

/** Where the learner goes to pay: a new or the still-open checkout. */
export interface CheckoutStart {
  paymentId: string;
  url: string;
}

/** A payment in the learner's history. */
export interface PaymentHistoryItem {
  id: string;
  purpose: PaymentPurpose;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  receiptNumber: string | null;
  document: { id: string; title: string };
  institution: { slug: string; nameFr: string; nameEn: string };
  createdAt: string;
  /** When the checkout closes, unpaid. */
  expiresAt: string;
  paidAt: string | null;
  refundedAt: string | null;
}

/** One line of an institution's revenue report: a document type and a purpose. */
export interface RevenueLine {
  documentType: { id: string | null; nameFr: string; nameEn: string };
  purpose: PaymentPurpose;
  currency: string;
  paidCount: number;
  paidCents: number;
  refundedCount: number;
  refundedCents: number;
}

export interface RevenueReport {
  from: string;
  to: string;
  lines: RevenueLine[];
}
