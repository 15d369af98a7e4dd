import { can } from "../access/can.ts";
import type { Actor } from "../accounts/actor.ts";
import type { SignInClient, SignInOutcome } from "../accounts/finish-sign-in.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { linkAccount } from "./link-account.ts";
import { findInstitutionLearner, signInInstitutionLearner } from "./sign-in-institution-learner.ts";
import { signInWithLinkedAccount } from "./sign-in-with-linked-account.ts";
import type { IdentityProviderRecord, SsoTransactionRecord } from "./sign-on.ports.ts";
import type { SignOnIdentity, SignOnTestResult } from "./sign-on.types.ts";
import { mapOidcIdentity, oidcConfigOf } from "./sign-on-rules.ts";

export interface OidcCallbackInput extends SignInClient {
  /** The `state` query parameter. */
  state: string | null;
  /** The state the browser kept in its short-lived cookie when the round trip started. */
  browserState: string | null;
  /** The full callback URL as the provider called it (PUBLIC_URL + path + query). */
  callbackUrl: string;
  /** The signed-in caller, if any (link and test round trips need the user who started them). */
  actor: Actor | null;
}

export type SignOnCompletion =
  | { purpose: "sign_in"; outcome: SignInOutcome }
  | { purpose: "link"; providerKey: string }
  | { purpose: "test"; institutionId: string; result: SignOnTestResult };

/** Finds and consumes the round trip the state designates; any doubt is "sign_on_failed". */
async function takeTransaction(deps: CoreDeps, input: OidcCallbackInput): Promise<SsoTransactionRecord> {
  const { state, browserState } = input;
  // The state must come back to the browser that started the round trip (login CSRF).
  if (!state || !browserState || !deps.secrets.equal(state, browserState))
    throw new DomainError("sign_on_failed");
  const tx = await deps.stores.ssoTransactions.findByStateHash(deps.secrets.hashToken(state));
  if (!tx?.nonce || !tx.codeVerifier) throw new DomainError("sign_on_failed");
  if (!(await deps.stores.ssoTransactions.consume(tx.id, deps.clock.now())))
    throw new DomainError("sign_on_failed");
  return tx;
}

async function testResult(
  deps: CoreDeps,
  provider: IdentityProviderRecord,
  identity: SignOnIdentity,
): Promise<SignOnTestResult> {
  const institutionId = provider.institutionId ?? "";
  const learner = await findInstitutionLearner(deps.stores, institutionId, identity);
  return {
    providerKey: provider.key,
    subject: identity.subject,
    studentNumber: identity.studentNumber,
    email: identity.email,
    claims: identity.claims,
    learnerFound: learner !== null,
  };
}

/**
 * The OIDC callback: the state (bound to the browser by a cookie, stored hashed, single use,
 * 10 minutes) designates the round trip; openid-client exchanges the code with the PKCE verifier
 * and checks the ID token (signature, issuer, audience, expiry, nonce). Then, by purpose: sign the
 * institution's learner in (provisioning), sign in with a linked account, link an account to the
 * user who started, or show a test's result to the administrator who started it.
 */
export async function completeOidcSignOn(
  deps: CoreDeps,
  input: OidcCallbackInput,
): Promise<SignOnCompletion> {
  const tx = await takeTransaction(deps, input);
  const provider = await deps.stores.identityProviders.findById(tx.providerId);
  if (provider?.protocol !== "oidc" || (!provider.enabled && tx.purpose !== "test")) {
    throw new DomainError("sign_on_failed");
  }
  const starter = tx.userId && input.actor?.user.id === tx.userId && !input.actor.apiKey ? input.actor : null;
  if (tx.purpose !== "sign_in" && !starter) throw new DomainError("sign_on_failed");

  const claims = await deps.oidc.callback(oidcConfigOf(deps, provider), {
    callbackUrl: input.callbackUrl,
    state: input.state ?? "",
    nonce: tx.nonce ?? "",
    codeVerifier: tx.codeVerifier ?? "",
  });
  const identity = mapOidcIdentity(claims, provider.settings);

  if (tx.purpose === "test") {
    if (
      !starter ||
      !provider.institutionId ||
      !can(starter, "institution.manage", { id: provider.institutionId })
    ) {
      throw new DomainError("sign_on_failed");
    }
    return {
      purpose: "test",
      institutionId: provider.institutionId,
      result: await testResult(deps, provider, identity),
    };
  }
  if (tx.purpose === "link") {
    if (!starter || provider.institutionId) throw new DomainError("sign_on_failed");
    await linkAccount(deps, starter, provider, identity);
    return { purpose: "link", providerKey: provider.key };
  }
  const outcome = provider.institutionId
    ? await signInInstitutionLearner(deps, { ...input, provider, identity })
    : await signInWithLinkedAccount(deps, { ...input, provider, identity });
  return { purpose: "sign_in", outcome };
}
