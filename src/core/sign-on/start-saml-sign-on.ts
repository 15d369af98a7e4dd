import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findSamlProvider, type SamlProvider } from "./find-saml-provider.ts";
import { samlEndpoints, samlRequestId } from "./saml-sign-on-rules.ts";
import { SIGN_ON_TRANSACTION_MINUTES } from "./sign-on-rules.ts";

async function startRoundTrip(
  deps: CoreDeps,
  slug: string,
  provider: SamlProvider,
  purpose: "sign_in" | "test",
  userId: string | null,
): Promise<string> {
  const now = deps.clock.now();
  const requestId = samlRequestId(deps.secrets.randomToken());
  await deps.stores.ssoTransactions.create(
    {
      providerId: provider.id,
      stateHash: deps.secrets.hashToken(requestId),
      nonce: null,
      codeVerifier: null,
      purpose,
      userId,
      returnTo: null,
      expiresAt: new Date(now.getTime() + SIGN_ON_TRANSACTION_MINUTES * 60_000),
    },
    now,
  );
  return deps.saml.authorizeUrl(
    samlEndpoints(deps.settings.publicUrl, slug),
    provider.settings,
    requestId,
    "",
  );
}

/**
 * "Sign in with your institution" over SAML: a new AuthnRequest whose ID is kept only hashed in
 * sso_transactions (10 minutes, single use); returns the IdP URL to redirect to (HTTP-Redirect
 * binding). An unknown institution, or one without an enabled SAML provider: not_found.
 */
export async function startSamlSignOn(deps: CoreDeps, slug: string): Promise<string> {
  const institution = await deps.stores.institutions.findBySlug(slug);
  if (!institution) throw new DomainError("not_found");
  const provider = await findSamlProvider(deps.stores, institution, { enabledOnly: true });
  return startRoundTrip(deps, institution.slug, provider, "sign_in", null);
}

/**
 * An administrator's connection test: the same round trip with purpose "test" (the provider may
 * still be disabled); the answer shows what the IdP sent and signs nobody in.
 */
export async function startSamlTest(deps: CoreDeps, actor: Actor, slug: string): Promise<string> {
  const institution = await requireAccess(deps, actor, "institution.manage", slug);
  const provider = await findSamlProvider(deps.stores, institution, { enabledOnly: false });
  return startRoundTrip(deps, institution.slug, provider, "test", actor.user.id);
}
