import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/**
 * Makes one of the actor's confirmed secondary addresses the primary one (users.email): the
 * former primary stays on the account as a confirmed secondary address, so both still sign in.
 * Another account's or an unknown id is not_found; an unconfirmed one is email_unverified.
 * Audited in the same transaction.
 */
export async function makeEmailPrimary(deps: CoreDeps, actor: Actor, emailId: string): Promise<void> {
  const now = deps.clock.now();
  const userId = actor.user.id;
  await deps.transact(async (stores) => {
    const row = await stores.userEmails.findForUser(userId, emailId);
    if (!row) throw new DomainError("not_found");
    if (!row.verifiedAt) throw new DomainError("email_unverified");
    const before = await stores.users.findById(userId);
    if (!before) throw new DomainError("not_found");
    await stores.userEmails.remove(userId, row.id);
    await stores.users.setPrimaryEmail(userId, row.email, row.verifiedAt);
    // The former primary was verified by activation, or by the staff invitation that created it.
    const kept = await stores.userEmails.add({
      userId,
      email: before.email,
      verifiedAt: before.emailVerifiedAt ?? now,
      now,
    });
    if (!kept) throw new DomainError("email_in_use");
    await recordAudit(
      deps,
      stores,
      { actorUserId: userId, actorLabel: before.email, ip: actor.ip },
      {
        institutionId: null,
        action: "user_email.made_primary",
        targetType: "user",
        targetId: userId,
        details: { email: row.email, previous: before.email },
      },
    );
  });
}
