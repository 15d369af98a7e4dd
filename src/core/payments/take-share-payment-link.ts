import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "../sharing/list-shares.ts";
import type { CreatedShare } from "../sharing/sharing.types.ts";
import type { PaymentStatus } from "./payments.types.ts";
import { asShareIntent, openFor } from "./share-payment-intent.ts";

/** Where a share payment stands, for the learner's confirmation page. */
export interface SharePaymentOutcome {
  status: PaymentStatus;
  /** The share made by the payment (link: given once, null afterwards or for an organization). */
  created: CreatedShare | null;
  /** Why the share could not be made after payment (the institution can refund). */
  shareError: string | null;
}

/**
 * The outcome of one of the learner's share payments. The first call after the share was made
 * hands over its link, sealed in the payment's intent until then, and erases it (read and erased
 * in one statement): the link exists nowhere else. Anyone else's payment, or an unlock payment → 404.
 */
export async function takeSharePaymentLink(
  deps: CoreDeps,
  actor: Actor,
  paymentId: string,
): Promise<SharePaymentOutcome> {
  await requireAccess(deps, actor, "account.self");
  const p = await deps.stores.payments.findById(paymentId);
  const intent = p ? asShareIntent(p.intent) : null;
  if (!p || p.userId !== actor.user.id || p.purpose !== "share" || !intent)
    throw new DomainError("not_found");
  const now = deps.clock.now();
  const status: PaymentStatus = p.status === "pending" && p.expiresAt <= now ? "expired" : p.status;
  if (!intent.shareId) return { status, created: null, shareError: intent.shareError ?? null };
  const sealed = await deps.stores.payments.takeIntentKey(p.id, actor.user.id, "sealedLink");
  const record = await deps.stores.shares.findByPaymentId(p.id);
  const [share] = record ? await summarizeShares(deps.stores, [record], now) : [];
  if (!share) return { status, created: null, shareError: null };
  const link = sealed ? openFor(deps.secretBox, p.id, "link", sealed) : null;
  return { status, created: { share, link }, shareError: null };
}
