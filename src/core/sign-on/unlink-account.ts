import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * Removes one of the user's linked accounts, unless it is their last way to sign in (no password
 * and no other linked account): linked_account_last_method. Audited.
 */
export async function unlinkAccount(deps: CoreDeps, actor: Actor, id: string): Promise<void> {
  await requireAccess(deps, actor, "account.self");
  await deps.transact(async (stores) => {
    const link = await stores.linkedAccounts.findForUser(actor.user.id, id);
    if (!link) throw new DomainError("not_found");
    const user = await stores.users.findById(actor.user.id);
    const all = await stores.linkedAccounts.listForUser(actor.user.id);
    if (!user?.passwordHash && all.length <= 1) throw new DomainError("linked_account_last_method");
    if (!(await stores.linkedAccounts.remove(actor.user.id, id))) throw new DomainError("not_found");
    const provider = await stores.identityProviders.findById(link.providerId);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "linked_account.unlinked",
      targetType: "linked_account",
      targetId: link.id,
      details: { provider: provider?.key ?? null, providerId: link.providerId },
    });
  });
}
