import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import type { SignOnIdentity } from "./sign-on.types.ts";

/**
 * Links the provider's account (subject) to the signed-in user, after a round trip of purpose
 * "link". A subject linked to another user is refused (linked_account_taken); linked to this user
 * already, nothing changes. Audited.
 */
export async function linkAccount(
  deps: CoreDeps,
  actor: Actor,
  provider: IdentityProviderRecord,
  identity: SignOnIdentity,
): Promise<void> {
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    const existing = await stores.linkedAccounts.findBySubject(provider.id, identity.subject);
    if (existing) {
      if (existing.userId !== actor.user.id) throw new DomainError("linked_account_taken");
      return;
    }
    const created = await stores.linkedAccounts.create(
      { userId: actor.user.id, providerId: provider.id, subject: identity.subject, email: identity.email },
      now,
    );
    if (!created) throw new DomainError("linked_account_taken");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "linked_account.linked",
      targetType: "linked_account",
      targetId: created.id,
      details: { provider: provider.key, providerId: provider.id },
    });
  });
}
