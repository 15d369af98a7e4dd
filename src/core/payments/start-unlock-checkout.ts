import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import {
  CHECKOUT_TTL_MS,
  checkoutReturnUrls,
  findOwnedDocument,
  requireGateway,
  unlockFee,
} from "./payment-rules.ts";
import type { CheckoutStart } from "./payments.types.ts";

/**
 * Starts paying to unlock one of the learner's documents: a pending payment (30 minutes), then the
 * gateway's checkout. Nothing is unlocked here: only a confirmed payment unlocks (applyPaymentEvent).
 * Asking again while a checkout is open returns that checkout; a free or unlocked document needs none.
 */
export async function startUnlockCheckout(
  deps: CoreDeps,
  actor: Actor,
  documentId: string,
): Promise<CheckoutStart> {
  const doc = await findOwnedDocument(deps.stores, actor, documentId);
  const amountCents = unlockFee(doc);
  if (amountCents === 0 || !doc.documentType) throw new DomainError("payment_not_required");
  if (doc.unlocked) throw new DomainError("document_already_unlocked");
  if (doc.status !== "active") throw new DomainError("document_not_active");
  const gateway = requireGateway(deps);
  const now = deps.clock.now();
  const userId = actor.user.id;

  const open = await deps.stores.payments.findOpen(userId, doc.id, "unlock", now);
  if (open?.gatewaySessionId && open.gateway === gateway.name) {
    const url = await gateway.resumeCheckout(open.gatewaySessionId);
    if (url) return { paymentId: open.id, url };
  }

  const institution = await deps.stores.institutions.findById(doc.institutionId);
  if (!institution) throw new DomainError("not_found");
  const expiresAt = new Date(now.getTime() + CHECKOUT_TTL_MS);
  const payment = await deps.stores.payments.create(
    {
      userId,
      institutionId: doc.institutionId,
      documentId: doc.id,
      purpose: "unlock",
      amountCents,
      currency: doc.documentType.currency,
      gateway: gateway.name,
      intent: {},
      expiresAt,
    },
    now,
  );
  const checkout = await gateway.createCheckout({
    paymentId: payment.id,
    amountCents,
    currency: doc.documentType.currency,
    description: {
      fr: `Déblocage : ${doc.title} (${institution.nameFr})`,
      en: `Unlock: ${doc.title} (${institution.nameEn})`,
    },
    ...checkoutReturnUrls(deps.settings.publicUrl, payment.id),
    customerEmail: actor.user.email,
    expiresAt,
    locale: actor.user.locale,
  });
  await deps.stores.payments.setSession(payment.id, checkout.sessionId);
  return { paymentId: payment.id, url: checkout.url };
}
