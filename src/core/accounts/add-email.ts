import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";
import { EMAIL_CONFIRMATION_TTL_MS, issueEmailConfirmation } from "./issue-email-confirmation.ts";

/** Secondary addresses an account may hold (verified or not). */
export const MAX_SECONDARY_EMAILS = 10;

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Adds a secondary address to the actor's account, unverified, and emails it a confirmation link;
 * adding again an address still waiting sends a new link (the earlier ones stop working). An
 * address another account uses (primary, or confirmed secondary) is refused with one answer that
 * does not say which account; another account's unconfirmed address whose link has expired is
 * taken over, so nobody can hold an address they do not own. Audited in the same transaction.
 */
export async function addEmail(deps: CoreDeps, actor: Actor, input: { email: string }): Promise<void> {
  const email = input.email.trim();
  const user = actor.user;
  if (sameAddress(email, user.email)) throw new DomainError("email_already_yours");
  const now = deps.clock.now();

  const message = await deps.transact(async (stores) => {
    const existing = await stores.userEmails.findByEmail(email);
    if (existing?.userId === user.id && existing.verifiedAt) throw new DomainError("email_already_yours");
    const owner = await stores.users.findByEmail(email);
    if (owner && owner.id !== user.id) throw new DomainError("email_in_use");
    if (existing && existing.userId !== user.id) {
      const expired = existing.createdAt.getTime() + EMAIL_CONFIRMATION_TTL_MS <= now.getTime();
      if (existing.verifiedAt || !expired) throw new DomainError("email_in_use");
    }
    // A waiting row (ours: a resend; or another account's expired one) is replaced by a new row,
    // whose new id makes every earlier link useless.
    if (existing) await stores.userEmails.remove(existing.userId, existing.id);
    else if ((await stores.userEmails.listForUser(user.id)).length >= MAX_SECONDARY_EMAILS)
      throw new DomainError("email_limit_reached");
    const row = await stores.userEmails.add({ userId: user.id, email, now });
    if (!row) throw new DomainError("email_in_use");
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: actor.ip },
      {
        institutionId: null,
        action: "user_email.added",
        targetType: "user",
        targetId: user.id,
        details: { emailId: row.id, email: row.email },
      },
    );
    return issueEmailConfirmation(deps, stores, user, row);
  });
  deps.background("email-confirmation", () => deps.mailer.send(message));
}
