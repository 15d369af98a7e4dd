import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/**
 * Removes one of the actor's secondary addresses (confirmed or not); another account's or an
 * unknown id is not_found. The primary address is not a secondary one: make another address
 * primary first. Audited in the same transaction.
 */
export async function removeEmail(deps: CoreDeps, actor: Actor, emailId: string): Promise<void> {
  const user = actor.user;
  await deps.transact(async (stores) => {
    const row = await stores.userEmails.findForUser(user.id, emailId);
    if (!row || !(await stores.userEmails.remove(user.id, row.id))) throw new DomainError("not_found");
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: actor.ip },
      {
        institutionId: null,
        action: "user_email.removed",
        targetType: "user",
        targetId: user.id,
        details: { emailId: row.id, email: row.email, verified: row.verifiedAt !== null },
      },
    );
  });
}
