import type { DocumentStatus } from "../documents/documents.types.ts";
import type {
  CheckoutRequest,
  GatewayEvent,
  GatewayName,
  PaymentHistoryItem,
  PaymentPurpose,
  PaymentRecord,
  RevenueLine,
} from "./payments.types.ts";

/**
 * A payment service provider: a hosted checkout, signed webhooks, refunds. Adapters: Stripe
 * Checkout, and the development gateway (a labelled test page served by the portal).
 */
export interface PaymentGateway {
  readonly name: GatewayName;
  createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /** The checkout's URL while it can still be paid; null when it is closed. */
  resumeCheckout(sessionId: string): Promise<string | null>;
  /** The event when the signature holds; throws DomainError "payment_signature_invalid" otherwise. */
  verifyWebhook(rawBody: Uint8Array | string, signatureHeader: string): GatewayEvent;
  /** Gives the money back (whole amount). */
  refund(payment: PaymentRecord): Promise<void>;
}

export interface PaymentStore {
  create(
    input: Pick<
      PaymentRecord,
      | "userId"
      | "institutionId"
      | "documentId"
      | "purpose"
      | "amountCents"
      | "currency"
      | "gateway"
      | "intent"
      | "expiresAt"
    >,
    now: Date,
  ): Promise<PaymentRecord>;
  setSession(id: string, sessionId: string): Promise<void>;
  /**
   * The user's one open unlock payment for the document: the pending one (created=false), or a new
   * one (created=true). A partial unique index keeps it single under concurrent starts; a pending
   * one whose expiry passed, or on another gateway, expires first.
   */
  claimOpenUnlock(
    input: Parameters<PaymentStore["create"]>[0],
    now: Date,
  ): Promise<{ payment: PaymentRecord; created: boolean }>;
  /** Sets the checkout session unless one is set already; returns the session the payment keeps. */
  setSessionOnce(id: string, sessionId: string): Promise<string | null>;
  /** pending without a session → failed (its checkout could not be created); false otherwise. */
  markFailedWithoutSession(id: string): Promise<boolean>;
  /** Replaces what the payment is for (a share payment's outcome, once paid). */
  setIntent(id: string, intent: Record<string, unknown>): Promise<void>;
  /** Reads one key of the user's payment's intent and erases it in the same statement (null: absent, or not theirs). */
  takeIntentKey(id: string, userId: string, key: string): Promise<string | null>;
  findById(id: string): Promise<PaymentRecord | null>;
  findBySession(gateway: GatewayName, sessionId: string): Promise<PaymentRecord | null>;
  /** The user's pending, unexpired payment for this document and purpose (the newest). */
  findOpen(
    userId: string,
    documentId: string,
    purpose: PaymentPurpose,
    now: Date,
  ): Promise<PaymentRecord | null>;
  /** pending → paid (locks the row); null when it was not pending. */
  markPaid(
    id: string,
    input: { gatewayPaymentId: string | null; receiptNumber: string; now: Date },
  ): Promise<PaymentRecord | null>;
  /** pending → expired; null when it was not pending. */
  markExpired(id: string): Promise<PaymentRecord | null>;
  /** Every pending payment whose expiry passed becomes expired; returns how many. */
  expireDue(now: Date): Promise<number>;
  /** paid → refunded; null when it was not paid. */
  markRefunded(id: string, now: Date): Promise<PaymentRecord | null>;
  /** The user's payments, newest first, with their document and institution. */
  listForUser(userId: string): Promise<PaymentHistoryItem[]>;
  /** The institution's payments, newest first, with their document (one page). */
  listForInstitution(
    institutionId: string,
    page: { limit: number; offset: number },
  ): Promise<PaymentHistoryItem[]>;
  /** Totals by document type and purpose: paid (paid_at) and refunded (refunded_at) within [from, to). */
  revenue(institutionId: string, from: Date, to: Date): Promise<RevenueLine[]>;
  /** Remembers a gateway event; false when it was seen already (then nothing else may change). */
  recordEvent(eventId: string, gateway: GatewayName, type: string, now: Date): Promise<boolean>;
}

/** A document of the user's wallet with what its type charges and allows. */
export interface OwnedDocumentRecord {
  id: string;
  institutionId: string;
  title: string;
  sha256: string;
  status: DocumentStatus;
  documentType: {
    id: string;
    nameFr: string;
    nameEn: string;
    unlockFeeCents: number;
    shareFeeCents: number;
    currency: string;
    downloadAllowed: boolean;
  } | null;
  /** A document_unlocks row exists for the user. */
  unlocked: boolean;
}

/** Which wallet documents are unlocked (document_unlocks). */
export interface DocumentAccessStore {
  /** The document when its learner record is linked to this user; null for anyone else's or unknown. */
  findOwned(userId: string, documentId: string): Promise<OwnedDocumentRecord | null>;
  /** Every document of the user's wallet (same rule as findOwned). */
  listOwned(userId: string): Promise<OwnedDocumentRecord[]>;
  /** Idempotent. */
  unlock(documentId: string, userId: string, paymentId: string | null, now: Date): Promise<void>;
  /** Removes the unlock this payment bought. */
  withdraw(paymentId: string): Promise<void>;
}
