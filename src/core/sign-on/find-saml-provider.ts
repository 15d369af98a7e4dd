import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Stores } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import type { SamlSettings } from "./sign-on.types.ts";
import { INSTITUTION_PROVIDER_KEY } from "./sign-on.types.ts";

export type SamlProvider = IdentityProviderRecord & { protocol: "saml"; settings: SamlSettings };

/**
 * The institution's SAML identity provider. `enabledOnly` (sign-in) refuses a disabled one; a
 * connection test may run before it is enabled. Absent, or not SAML: not_found.
 */
export async function findSamlProvider(
  stores: Stores,
  institution: Institution,
  options: { enabledOnly: boolean },
): Promise<SamlProvider> {
  const provider = await stores.identityProviders.findByKey(institution.id, INSTITUTION_PROVIDER_KEY);
  if (provider?.protocol !== "saml" || (options.enabledOnly && !provider.enabled)) {
    throw new DomainError("not_found");
  }
  return provider as SamlProvider;
}
