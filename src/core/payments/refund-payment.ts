import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { PaymentRecord } from "./payments.types.ts";
import { asShareIntent } from "./share-payment-intent.ts";

/**
 * An institution admin refunds a payment received for one of its documents: the gateway gives the
 * money back, then the payment is marked refunded and what it bought is withdrawn, in the same
 * transaction: the unlock, or the share it created (revoked, reason "refunded": its link is then
 * refused, and a link not yet handed over never will be). Audited. The gateway's own "refunded"
 * event, arriving later, then finds nothing to change.
 */
export async function refundPayment(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  paymentId: string,
): Promise<PaymentRecord> {
  const institution = await requireAccess(deps, actor, "payments.manage", slug);
  const payment = await deps.stores.payments.findById(paymentId);
  if (!payment || payment.institutionId !== institution.id) throw new DomainError("not_found");
  if (payment.status !== "paid") throw new DomainError("payment_not_refundable");
  if (payment.gateway !== "development") {
    if (deps.paymentGateway?.name !== payment.gateway) throw new DomainError("payments_unavailable");
    await deps.paymentGateway.refund(payment);
  }
  const now = deps.clock.now();
  let revokedShareId: string | null = null;
  const result = await deps.transact(async (stores) => {
    const refunded = await stores.payments.markRefunded(payment.id, now);
    if (!refunded) throw new DomainError("payment_not_refundable");
    await stores.documentAccess.withdraw(refunded.id);
    const share = refunded.purpose === "share" ? await stores.shares.findByPaymentId(refunded.id) : null;
    if (share) {
      const intent = asShareIntent(refunded.intent);
      if (intent?.sealedLink) {
        const { sealedLink: _dropped, ...rest } = intent;
        await stores.payments.setIntent(refunded.id, rest as unknown as Record<string, unknown>);
      }
      if (await stores.shares.revoke(share.userId, share.id, now)) {
        revokedShareId = share.id;
        await recordAudit(deps, stores, byActor(actor), {
          institutionId: institution.id,
          action: "share.revoked",
          targetType: "share",
          targetId: share.id,
          details: { channel: share.channel, reason: "refunded", paymentId: refunded.id },
        });
      }
    }
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
  if (revokedShareId) deps.shareCache.forget(revokedShareId);
  return result;
}
