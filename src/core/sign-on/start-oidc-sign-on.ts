import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import { INSTITUTION_PROVIDER_KEY, type SignOnPurpose } from "./sign-on.types.ts";
import { oidcConfigOf, oidcRedirectUri, SIGN_ON_TRANSACTION_MINUTES } from "./sign-on-rules.ts";

export interface StartedSignOn {
  /** Where to send the browser (the provider's authorization endpoint). */
  url: string;
  /** The state, for the browser-binding cookie; only its hash is stored. */
  state: string;
  expiresAt: Date;
}

type OidcProvider = IdentityProviderRecord & { protocol: "oidc" };

const usableOidc = (p: IdentityProviderRecord | null, needEnabled: boolean): p is OidcProvider =>
  !!p && p.protocol === "oidc" && (p.enabled || !needEnabled);

/**
 * Begins an OIDC round trip: random state, nonce and PKCE verifier (256 bits each); the state is
 * stored hashed with the nonce and verifier in sso_transactions, single use, for 10 minutes.
 */
async function begin(
  deps: CoreDeps,
  provider: OidcProvider,
  purpose: SignOnPurpose,
  userId: string | null,
): Promise<StartedSignOn> {
  const now = deps.clock.now();
  const state = deps.secrets.randomToken();
  const nonce = deps.secrets.randomToken();
  const codeVerifier = deps.secrets.randomToken();
  const expiresAt = new Date(now.getTime() + SIGN_ON_TRANSACTION_MINUTES * 60 * 1000);
  const url = await deps.oidc.authorizationUrl(oidcConfigOf(deps, provider), {
    redirectUri: oidcRedirectUri(deps),
    scopes: provider.settings.scopes,
    state,
    nonce,
    codeVerifier,
  });
  await deps.stores.ssoTransactions.create(
    {
      providerId: provider.id,
      stateHash: deps.secrets.hashToken(state),
      nonce,
      codeVerifier,
      purpose,
      userId,
      returnTo: null,
      expiresAt,
    },
    now,
  );
  return { url, state, expiresAt };
}

/** Anyone: "Sign in with your institution" (its OIDC sign-on, enabled). */
export async function startInstitutionSignOn(deps: CoreDeps, slug: string): Promise<StartedSignOn> {
  const inst = await deps.stores.institutions.findBySlug(slug);
  const provider = inst
    ? await deps.stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY)
    : null;
  if (!usableOidc(provider, true)) throw new DomainError("not_found");
  return begin(deps, provider, "sign_in", null);
}

/** Anyone: "Sign in with <provider>" for an account linked to a Sceau account. */
export async function startSocialSignOn(deps: CoreDeps, key: string): Promise<StartedSignOn> {
  const provider = await deps.stores.identityProviders.findByKey(null, key);
  if (!usableOidc(provider, true)) throw new DomainError("not_found");
  return begin(deps, provider, "sign_in", null);
}

/** The signed-in user links an account of one of the operator's providers. */
export async function startAccountLink(deps: CoreDeps, actor: Actor, key: string): Promise<StartedSignOn> {
  await requireAccess(deps, actor, "account.self");
  const provider = await deps.stores.identityProviders.findByKey(null, key);
  if (!usableOidc(provider, true)) throw new DomainError("not_found");
  return begin(deps, provider, "link", actor.user.id);
}

/** An institution administrator tries the saved OIDC sign-on (enabled or not): nobody is signed in. */
export async function startSignOnTest(deps: CoreDeps, actor: Actor, slug: string): Promise<StartedSignOn> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const provider = await deps.stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY);
  if (!usableOidc(provider, false)) throw new DomainError("not_found");
  return begin(deps, provider, "test", actor.user.id);
}
