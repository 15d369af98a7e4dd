import { type AuditWho, recordAudit } from "../audit/record-audit.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import { confirmSharePayment, type Deferred } from "./confirm-share-payment.ts";
import { paymentReceiptEmail } from "./payment-receipt-email.ts";
import { newReceiptNumber } from "./payment-rules.ts";
import type { GatewayEvent, GatewayName, PaymentRecord } from "./payments.types.ts";

export type EventOutcome = "applied" | "duplicate" | "unchanged" | "ignored";

const GATEWAY_LABEL: Record<GatewayName, string> = { stripe: "stripe", development: "development gateway" };

async function findPayment(stores: Stores, gateway: GatewayName, e: GatewayEvent) {
  const p = e.sessionId
    ? await stores.payments.findBySession(gateway, e.sessionId)
    : e.paymentId
      ? await stores.payments.findById(e.paymentId)
      : null;
  // The event must agree with the row on every id it carries.
  if (!p || p.gateway !== gateway || (e.paymentId && e.paymentId !== p.id)) return null;
  return p;
}

/**
 * Applies a verified gateway event, once: the event id is recorded first, in the same transaction
 * as its effects, so a repeated event changes nothing. Payments move only forward (pending → paid
 * → refunded, pending → expired): a late or out-of-order event finds nothing to change.
 * "paid" unlocks the document (or, for a share, creates the share in this same transaction, its
 * emails sent after commit), gives a receipt number, audits and queues the receipt email.
 */
export async function applyPaymentEvent(
  deps: CoreDeps,
  gateway: GatewayName,
  event: GatewayEvent,
): Promise<{ outcome: EventOutcome; payment: PaymentRecord | null }> {
  const now = deps.clock.now();
  const who: AuditWho = { actorUserId: null, actorLabel: GATEWAY_LABEL[gateway], ip: null };
  const deferred: Deferred = [];
  const result = await deps.transact(async (stores) => {
    if (!(await stores.payments.recordEvent(event.id, gateway, event.type, now)))
      return { outcome: "duplicate" as const, payment: null };
    if (event.type === "ignored") return { outcome: "ignored" as const, payment: null };
    const found = await findPayment(stores, gateway, event);
    if (!found) return { outcome: "ignored" as const, payment: null };

    if (event.type === "expired") {
      const p = await stores.payments.markExpired(found.id);
      return { outcome: p ? ("applied" as const) : ("unchanged" as const), payment: p ?? found };
    }

    if (event.type === "refunded") {
      const p = await stores.payments.markRefunded(found.id, now);
      if (!p) return { outcome: "unchanged" as const, payment: found };
      await stores.documentAccess.withdraw(p.id);
      await recordAudit(deps, stores, who, {
        institutionId: p.institutionId,
        action: "payment.refunded",
        targetType: "payment",
        targetId: p.id,
        details: { amountCents: p.amountCents, currency: p.currency, receiptNumber: p.receiptNumber },
      });
      return { outcome: "applied" as const, payment: p };
    }

    // paid
    const p = await stores.payments.markPaid(found.id, {
      gatewayPaymentId: event.gatewayPaymentId ?? null,
      receiptNumber: newReceiptNumber(deps, now),
      now,
    });
    if (!p?.receiptNumber || !p.paidAt) return { outcome: "unchanged" as const, payment: found };
    if (p.purpose === "share") await confirmSharePayment(deps, stores, p, deferred);
    else await stores.documentAccess.unlock(p.documentId, p.userId, p.id, now);
    await recordAudit(deps, stores, who, {
      institutionId: p.institutionId,
      action: "payment.paid",
      targetType: "payment",
      targetId: p.id,
      details: {
        purpose: p.purpose,
        documentId: p.documentId,
        amountCents: p.amountCents,
        currency: p.currency,
        receiptNumber: p.receiptNumber,
      },
    });
    const [user, institution, document] = await Promise.all([
      stores.users.findById(p.userId),
      stores.institutions.findById(p.institutionId),
      stores.documents.findById(p.documentId),
    ]);
    if (user && institution && document) {
      const message = paymentReceiptEmail({
        to: user.email,
        locale: user.locale,
        displayName: user.displayName,
        institution,
        payment: { ...p, receiptNumber: p.receiptNumber, paidAt: p.paidAt },
        documentTitle: document.title,
        publicUrl: deps.settings.publicUrl,
      });
      await stores.jobs.enqueue({ queue: "mail", payload: { message, institutionId: institution.id } }, now);
    }
    return { outcome: "applied" as const, payment: p };
  });
  for (const d of deferred) deps.background(d.label, d.task);
  return result;
}
