import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { CoreDeps } from "../ports.ts";
import type { PaymentRecord } from "./payments.types.ts";

/**
 * An institution admin refunds a payment received for one of its documents: the gateway gives the
 * money back, then the payment is marked refunded and what it unlocked is withdrawn (audited).
 * The gateway's own "refunded" event, arriving later, then finds nothing to change.
 */
export async function refundPayment(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  paymentId: string,
): Promise<PaymentRecord> {
  const institution = await findVisibleInstitution(deps.stores, actor, slug, "admin");
  const payment = await deps.stores.payments.findById(paymentId);
  if (!payment || payment.institutionId !== institution.id) throw new DomainError("not_found");
  if (payment.status !== "paid") throw new DomainError("payment_not_refundable");
  if (payment.gateway !== "development") {
    if (deps.paymentGateway?.name !== payment.gateway) throw new DomainError("payments_unavailable");
    await deps.paymentGateway.refund(payment);
  }
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const refunded = await stores.payments.markRefunded(payment.id, now);
    if (!refunded) throw new DomainError("payment_not_refundable");
    await stores.documentAccess.withdraw(refunded.id);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "payment.refunded",
      targetType: "payment",
      targetId: refunded.id,
      details: {
        amountCents: refunded.amountCents,
        currency: refunded.currency,
        receiptNumber: refunded.receiptNumber,
      },
    });
    return refunded;
  });
}
