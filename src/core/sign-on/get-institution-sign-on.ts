import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { type IdentityProvider, INSTITUTION_PROVIDER_KEY } from "./sign-on.types.ts";
import { oidcRedirectUri, presentIdentityProvider } from "./sign-on-rules.ts";

/** An institution's sign-on settings for its administrators (never the secret), and the redirect URI to register. */
export async function getInstitutionSignOn(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<{ provider: IdentityProvider | null; oidcRedirectUri: string }> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const provider = await deps.stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY);
  return {
    provider: provider ? presentIdentityProvider(provider) : null,
    oidcRedirectUri: oidcRedirectUri(deps),
  };
}
