import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { LinkedAccount, PublicSignOnProvider } from "./sign-on.types.ts";

/** The profile's "Linked accounts": the operator's enabled providers, the user's links, and whether a password is set. */
export async function listLinkedAccounts(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ providers: PublicSignOnProvider[]; linked: LinkedAccount[]; hasPassword: boolean }> {
  await requireAccess(deps, actor, "account.self");
  const [providers, linked, user] = await Promise.all([
    deps.stores.identityProviders.listSocial(),
    deps.stores.linkedAccounts.listForUser(actor.user.id),
    deps.stores.users.findById(actor.user.id),
  ]);
  return {
    providers: providers
      .filter((p) => p.enabled)
      .map((p) => ({ key: p.key, nameFr: p.nameFr, nameEn: p.nameEn })),
    linked,
    hasPassword: !!user?.passwordHash,
  };
}
