import type { SignInClient, SignInOutcome } from "../accounts/finish-sign-in.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findSamlProvider } from "./find-saml-provider.ts";
import { samlEndpoints, samlIdentity } from "./saml-sign-on-rules.ts";
import { findInstitutionLearner, signInInstitutionLearner } from "./sign-in-institution-learner.ts";
import type { SignOnTestResult } from "./sign-on.types.ts";

export interface SamlResponseInput {
  slug: string;
  /** The SAMLResponse form field, base64, as posted by the browser. */
  samlResponse: string;
  client: SignInClient;
}

export type SamlSignOnResult =
  | { purpose: "sign_in"; outcome: SignInOutcome }
  | { purpose: "test"; institutionSlug: string; result: SignOnTestResult };

/** Every refusal is the same sign_on_failed for the browser; the reason goes to the server's log only. */
const refuse = (reason: string): never => {
  throw new DomainError("sign_on_failed", { cause: `SAML: ${reason}` });
};

/**
 * The Assertion Consumer Service. The response must hold an assertion signed with the institution's
 * configured IdP certificate that passes every protocol check (SamlServiceProvider.validateResponse);
 * it must answer a live AuthnRequest of this institution (InResponseTo, from the signed assertion,
 * whose hash is a pending sso_transactions row), which is then spent; its ID must not have been seen
 * (saml_assertions_seen, until it expires). Then, for a sign-in, the shared institution learner
 * journey (signInInstitutionLearner); for a connection test, what the IdP sent and how it maps.
 */
export async function completeSamlSignOn(
  deps: CoreDeps,
  input: SamlResponseInput,
): Promise<SamlSignOnResult> {
  const institution = await deps.stores.institutions.findBySlug(input.slug);
  if (!institution) throw new DomainError("not_found");
  const provider = await findSamlProvider(deps.stores, institution, { enabledOnly: false });
  const now = deps.clock.now();
  const checked = await deps.saml.validateResponse(
    samlEndpoints(deps.settings.publicUrl, institution.slug),
    provider.settings,
    input.samlResponse,
    now,
  );
  if (!checked.ok) return refuse(checked.reason);
  const { assertion } = checked;

  const pending = await deps.stores.ssoTransactions.findByStateHash(
    deps.secrets.hashToken(assertion.inResponseTo),
  );
  if (!pending || pending.providerId !== provider.id)
    return refuse("InResponseTo answers no request of this institution");
  if (pending.usedAt || pending.expiresAt <= now)
    return refuse("the request was already answered or expired");
  if (pending.purpose !== "sign_in" && pending.purpose !== "test")
    return refuse(`purpose ${pending.purpose}`);
  if (pending.purpose === "sign_in" && !provider.enabled) return refuse("sign-on is disabled");

  await deps.transact(async (stores) => {
    if (!(await stores.ssoTransactions.consume(pending.id, now))) refuse("the request was already answered");
    // Namespaced by provider: one IdP cannot spend the IDs of another's assertions.
    const idHash = deps.secrets.hashToken(`${provider.id} ${assertion.assertionId}`);
    if (!(await stores.samlReplay.remember(idHash, assertion.validUntil, now))) refuse("assertion replayed");
  });

  const identity = samlIdentity(provider.settings, assertion);
  if (pending.purpose === "test") {
    const learner = await findInstitutionLearner(deps.stores, institution.id, identity);
    return {
      purpose: "test",
      institutionSlug: institution.slug,
      result: { providerKey: provider.key, ...identity, learnerFound: learner !== null },
    };
  }
  const outcome = await signInInstitutionLearner(deps, { provider, identity, ...input.client });
  return { purpose: "sign_in", outcome };
}
