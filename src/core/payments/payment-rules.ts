import { DomainError } from "../errors.ts";
import type { Bilingual, Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { OwnedDocumentRecord, PaymentGateway } from "./payments.ports.ts";

/** How long a checkout stays open before it expires unpaid (Stripe's minimum is 30 minutes). */
export const CHECKOUT_TTL_MS = 30 * 60 * 1000;

/** An amount in minor units as money in the reader's language: "12,50 $" (fr-CA) or "$12.50" (en-CA). */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export const bilingualMoney = (cents: number, currency: string): Bilingual => ({
  fr: formatMoney(cents, currency, "fr"),
  en: formatMoney(cents, currency, "en"),
});

/** The fee to unlock the document (0: free). */
export const unlockFee = (doc: OwnedDocumentRecord): number => doc.documentType?.unlockFeeCents ?? 0;

/** Free, or unlocked by a payment. */
export const isUnlocked = (doc: OwnedDocumentRecord): boolean => unlockFee(doc) === 0 || doc.unlocked;

/** The configured gateway, or payments_unavailable (production without Stripe: fees are never waived). */
export function requireGateway(deps: Pick<CoreDeps, "paymentGateway">): PaymentGateway {
  if (!deps.paymentGateway) throw new DomainError("payments_unavailable");
  return deps.paymentGateway;
}

/** Where the gateway sends the learner back. */
export const checkoutReturnUrls = (publicUrl: string, paymentId: string) => ({
  successUrl: `${publicUrl}/wallet?payment=${encodeURIComponent(paymentId)}&checkout=done`,
  cancelUrl: `${publicUrl}/wallet?payment=${encodeURIComponent(paymentId)}&checkout=cancelled`,
});

/** A receipt number people can read out: R-2026-XXXX-XXXX (Crockford base 32, 40 random bits). */
export function newReceiptNumber(deps: Pick<CoreDeps, "secrets">, now: Date): string {
  const code = deps.secrets.randomCode(8);
  return `R-${now.getUTCFullYear()}-${code.slice(0, 4)}-${code.slice(4)}`;
}
