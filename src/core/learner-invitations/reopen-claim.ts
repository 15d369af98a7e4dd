import { DomainError } from "../errors.ts";
import type { Stores } from "../ports.ts";

/**
 * Whether staff may send a new access code to a learner who has claimed their documents: only
 * when the account they claimed into cannot be used — never activated (a mistyped email: the
 * activation link went nowhere), closed, or no longer linked. The learner record is then unlinked
 * from that account (its pending activation links stop working: it no longer holds these
 * documents) and the invitation can be sent again; the new code claims into a new account or,
 * with "I already have an account", into an existing one. An account that works (activated, not
 * closed) keeps its documents: invitation_already_claimed; its owner recovers it with a password
 * reset through any of its confirmed addresses. Run inside the resend's transaction.
 */
export async function reopenClaim(
  deps: { clock: { now(): Date } },
  stores: Stores,
  learnerId: string,
  now: Date = deps.clock.now(),
): Promise<{ detachedUserId: string | null }> {
  const userId = await stores.learners.linkedUserId(learnerId);
  if (!userId) return { detachedUserId: null };
  const user = await stores.users.findById(userId);
  const memberships = user ? await stores.memberships.listForUsers([user.id]) : [];
  const unusable = !user || user.status === "closed" || (!user.emailVerifiedAt && memberships.length === 0);
  if (!unusable) throw new DomainError("invitation_already_claimed");
  if (user) await stores.tokens.voidAll(user.id, "email_verification", now);
  await stores.learners.unlinkUser(learnerId, userId);
  return { detachedUserId: userId };
}
