import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import { INSTITUTION_PROVIDER_KEY, type SignOnTestReport } from "./sign-on.types.ts";
import { oidcConfigOf } from "./sign-on-rules.ts";

/** OIDC: discovery and the metadata checks. SAML: the settings are complete (the round trip tests the rest). */
async function checkProvider(deps: CoreDeps, provider: IdentityProviderRecord): Promise<SignOnTestReport> {
  if (provider.protocol === "oidc") return deps.oidc.check(oidcConfigOf(deps, provider));
  const s = provider.settings;
  const ok = !!s.idpSsoUrl && !!s.idpEntityId && s.idpCertificatePem.includes("BEGIN CERTIFICATE");
  return { ok, checks: [{ id: "settings", ok }] };
}

/** "Test connection" on an institution's saved sign-on (its administrators). */
export async function testInstitutionSignOn(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<SignOnTestReport> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const provider = await deps.stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY);
  if (!provider) throw new DomainError("not_found");
  return checkProvider(deps, provider);
}

/** "Test connection" on one of the operator's social providers. */
export async function testSocialProvider(
  deps: CoreDeps,
  actor: Actor,
  key: string,
): Promise<SignOnTestReport> {
  await requireAccess(deps, actor, "portal.operate");
  const provider = await deps.stores.identityProviders.findByKey(null, key);
  if (!provider) throw new DomainError("not_found");
  return checkProvider(deps, provider);
}
