import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import { prepareShare } from "./prepare-share.ts";
import type { CreatedShare, ShareInput } from "./sharing.types.ts";
import { writeShare } from "./write-share.ts";

/** What the payments side knows of a confirmed payment for a share. */
export interface SharePayment {
  id: string;
  userId: string;
  status: string;
  /** The ShareInput validated by quoteShare when the checkout started (payments.intent). */
  intent: ShareInput;
}

/**
 * Creates the share a confirmed payment was for, once: a second confirmation returns the share
 * already made (link null, since its token exists only in the first answer). The documents are
 * checked again (still the learner's, still active). The caller shows the returned link to the
 * learner (it exists nowhere else).
 */
export async function createShareFromPayment(deps: CoreDeps, payment: SharePayment): Promise<CreatedShare> {
  if (payment.status !== "paid") throw new DomainError("payment_required");
  const existing = await deps.stores.shares.findByPaymentId(payment.id);
  if (existing) {
    const [share] = await summarizeShares(deps.stores, [existing], deps.clock.now());
    if (!share) throw new DomainError("not_found");
    return { share, link: null };
  }
  const user = await deps.stores.users.findById(payment.userId);
  if (user?.status !== "active") throw new DomainError("not_found");
  const actor: Actor = { user, memberships: [], sessionId: "", ip: null };
  const plan = await prepareShare(deps, actor, payment.intent);
  return writeShare(deps, plan, {
    who: { actorUserId: user.id, actorLabel: user.email, ip: null },
    paymentId: payment.id,
  });
}
