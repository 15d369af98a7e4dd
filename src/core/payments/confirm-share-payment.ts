import { DomainError } from "../errors.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import { createShareFromPayment } from "../sharing/create-share-from-payment.ts";
import type { PaymentRecord } from "./payments.types.ts";
import { asShareIntent, type SharePaymentIntent, sealFor, shareInputOf } from "./share-payment-intent.ts";

/** Work the share use case hands to the background, held until the payment's transaction commits. */
export type Deferred = { label: string; task: () => Promise<void> }[];

/**
 * Creates the share a just-paid payment was for, inside the payment's transaction (the sharing
 * use case runs on the transaction's stores; its emails wait in `deferred` until commit). The new
 * link is sealed into the payment's intent for its owner to take once (takeSharePaymentLink).
 * When the share can no longer be made (a document revoked or no longer theirs, an organization
 * archived), the payment stays paid and the intent says why, so the learner is told and the
 * institution can refund.
 */
export async function confirmSharePayment(
  deps: CoreDeps,
  stores: Stores,
  p: PaymentRecord,
  deferred: Deferred,
): Promise<void> {
  const intent = asShareIntent(p.intent);
  if (!intent) throw new DomainError("payment_purpose_unsupported");
  // Deferred work runs after the commit: from then on it reads through the ordinary stores.
  let committed = false;
  const inTransaction: CoreDeps = {
    ...deps,
    get stores() {
      return committed ? deps.stores : stores;
    },
    transact: (fn) => fn(stores),
    background: (label, task) => {
      deferred.push({
        label,
        task: () => {
          committed = true;
          return task();
        },
      });
    },
  };
  let outcome: SharePaymentIntent;
  try {
    const created = await createShareFromPayment(inTransaction, {
      id: p.id,
      userId: p.userId,
      status: p.status,
      intent: shareInputOf(deps.secretBox, p.userId, intent),
    });
    outcome = {
      share: intent.share,
      shareId: created.share.id,
      sealedLink: created.link ? sealFor(deps.secretBox, p.id, "link", created.link) : null,
    };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    outcome = { share: intent.share, shareError: e.code };
  }
  // The sealed passcode has served: it is dropped with the outcome.
  await stores.payments.setIntent(p.id, outcome as unknown as Record<string, unknown>);
}
