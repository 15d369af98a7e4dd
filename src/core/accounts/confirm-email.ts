import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/**
 * Opens the link confirming a secondary address. It works once, before it expires, and only for
 * the signed-in account that asked for it: any other case (unknown, used, expired, replaced by a
 * newer link, another account's link) answers email_link_invalid (404), and another account's
 * link stays usable by its owner. The address must still be free: if another account has made it
 * its primary meanwhile, the address is dropped and email_in_use answered. Audited.
 */
export async function confirmEmail(deps: CoreDeps, actor: Actor, input: { token: string }): Promise<void> {
  const now = deps.clock.now();
  const user = actor.user;
  const record = await deps.stores.tokens.findByHash(deps.secrets.hashToken(input.token));
  const rowId = input.token.split(".")[0] ?? "";
  if (
    record?.purpose !== "email_addition" ||
    record.userId !== user.id ||
    record.usedAt ||
    record.expiresAt <= now
  ) {
    throw new DomainError("email_link_invalid");
  }
  const outcome = await deps.transact(async (stores) => {
    const row = await stores.userEmails.findForUser(user.id, rowId);
    if (!row || row.verifiedAt || !(await stores.tokens.consume(record.id, now)))
      throw new DomainError("email_link_invalid");
    const owner = await stores.users.findByEmail(row.email);
    if (owner && owner.id !== user.id) {
      await stores.userEmails.remove(user.id, row.id);
      return "taken" as const;
    }
    const verified = await stores.userEmails.markVerified(user.id, row.id, now);
    if (!verified) throw new DomainError("email_link_invalid");
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: actor.ip },
      {
        institutionId: null,
        action: "user_email.verified",
        targetType: "user",
        targetId: user.id,
        details: { emailId: row.id, email: row.email },
      },
    );
    return "verified" as const;
  });
  if (outcome === "taken") throw new DomainError("email_in_use");
}
