import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { CHECKOUT_TTL_MS, checkoutReturnUrls, requireGateway, unlockFee } from "./payment-rules.ts";
import type { CheckoutStart } from "./payments.types.ts";

/**
 * Starts paying to unlock one of the learner's documents: a pending payment (30 minutes), then the
 * gateway's checkout. Nothing is unlocked here: only a confirmed payment unlocks (applyPaymentEvent).
 * Asking again while a checkout is open returns that checkout, even when both asks arrive together
 * (claimOpenUnlock keeps one pending payment per learner and document; of two checkouts created at
 * once for it, the first stored is the one both get). A free or unlocked document needs none.
 */
export async function startUnlockCheckout(
  deps: CoreDeps,
  actor: Actor,
  documentId: string,
): Promise<CheckoutStart> {
  const doc = await requireAccess(deps, actor, "wallet.document", documentId);
  const amountCents = unlockFee(doc);
  if (amountCents === 0 || !doc.documentType) throw new DomainError("payment_not_required");
  if (doc.unlocked) throw new DomainError("document_already_unlocked");
  if (doc.status !== "active") throw new DomainError("document_not_active");
  const gateway = requireGateway(deps);
  const institution = await deps.stores.institutions.findById(doc.institutionId);
  if (!institution) throw new DomainError("not_found");
  const now = deps.clock.now();
  const currency = doc.documentType.currency;

  const { payment, created } = await deps.stores.payments.claimOpenUnlock(
    {
      userId: actor.user.id,
      institutionId: doc.institutionId,
      documentId: doc.id,
      purpose: "unlock",
      amountCents,
      currency,
      gateway: gateway.name,
      intent: {},
      expiresAt: new Date(now.getTime() + CHECKOUT_TTL_MS),
    },
    now,
  );
  if (!created && payment.gatewaySessionId) {
    const url = await gateway.resumeCheckout(payment.gatewaySessionId);
    if (url) return { paymentId: payment.id, url };
    // Closed at the gateway before its expiry: paid, its event on the way. Expiring it now would
    // make that event find an expired payment (charged, never unlocked): the learner waits.
    throw new DomainError("payment_being_confirmed");
  }
  // New, or another start is creating its checkout right now (Stripe answers both with one
  // session: the request is idempotent per payment); the session stored first is the one kept.
  let checkout: { sessionId: string; url: string };
  try {
    checkout = await gateway.createCheckout({
      paymentId: payment.id,
      amountCents: payment.amountCents,
      currency: payment.currency,
      description: {
        fr: `Déblocage : ${doc.title} (${institution.nameFr})`,
        en: `Unlock: ${doc.title} (${institution.nameEn})`,
      },
      ...checkoutReturnUrls(deps.settings.publicUrl, payment.id),
      customerEmail: actor.user.email,
      expiresAt: payment.expiresAt,
      locale: actor.user.locale,
    });
  } catch (error) {
    // A payment without a checkout must not hold the place for 30 minutes.
    if (created) await deps.stores.payments.markFailedWithoutSession(payment.id);
    throw error;
  }
  const kept = await deps.stores.payments.setSessionOnce(payment.id, checkout.sessionId);
  if (kept === checkout.sessionId) return { paymentId: payment.id, url: checkout.url };
  const url = kept ? await gateway.resumeCheckout(kept) : null;
  if (!url) throw new DomainError("payment_gateway_failed");
  return { paymentId: payment.id, url };
}
