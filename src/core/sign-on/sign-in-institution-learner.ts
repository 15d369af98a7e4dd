import type { UserRecord } from "../accounts/accounts.ports.ts";
import { finishSignIn, type SignInClient, type SignInOutcome } from "../accounts/finish-sign-in.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Learner } from "../learners/learners.types.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import type { IdentityProviderRecord } from "./sign-on.ports.ts";
import type { SignOnIdentity } from "./sign-on.types.ts";

export interface InstitutionLearnerSignIn extends SignInClient {
  /** The institution's identity provider the identity comes from (enabled, checked by the caller's protocol). */
  provider: IdentityProviderRecord;
  /** What the provider vouched for, after every protocol check. */
  identity: SignOnIdentity;
}

export type SignOnOutcome = "signed_in" | "linked_existing_user" | "created_user";

const lower = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

/** The learner the identity designates: by student number when mapped and sent, else by email (exactly one). */
export async function findInstitutionLearner(
  stores: Stores,
  institutionId: string,
  identity: Pick<SignOnIdentity, "studentNumber" | "email">,
): Promise<Learner | null> {
  if (identity.studentNumber) {
    const [learner] = await stores.learners.findByStudentNumbers(institutionId, [identity.studentNumber]);
    return learner ?? null;
  }
  if (!identity.email) return null;
  const found = await stores.learners.findByEmail(institutionId, identity.email);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The institution vouches for the emails it recorded for the learner and for addresses in its own domain. */
function vouchedEmail(institution: Institution, learner: Learner, email: string | null): string | null {
  const e = lower(email);
  if (!e) return null;
  const domain = lower(institution.emailDomain);
  const recorded = [lower(learner.institutionalEmail), lower(learner.personalEmail)];
  return recorded.includes(e) || (domain !== "" && e.endsWith(`@${domain}`)) ? (email?.trim() ?? null) : null;
}

/**
 * The learner journey shared by institution sign-on over OIDC and SAML. Finds the institution's
 * learner (student number claim, else email); none → "sign_on_no_learner". Then: the learner's
 * linked user is signed in; else a user with that (verified) email is linked to the learner; else a
 * user is created (email verified: the institution vouches) and linked. The learner's invitation is
 * marked claimed. Audited (sign_on.signed_in) in the same transaction; then finishSignIn: a new
 * session (no fixation), or the two-factor challenge when the user has TOTP on.
 *
 * Staff and operator accounts are never reached through an email match (an identity provider must
 * not be able to sign in as an administrator), nor an account whose email is not verified.
 */
export async function signInInstitutionLearner(
  deps: CoreDeps,
  input: InstitutionLearnerSignIn,
): Promise<SignInOutcome> {
  const { provider, identity } = input;
  if (!provider.institutionId || !provider.enabled) throw new DomainError("not_found");
  const institution = await deps.stores.institutions.findById(provider.institutionId);
  if (!institution) throw new DomainError("not_found");
  const now = deps.clock.now();

  return deps.transact(async (stores) => {
    const learner = await findInstitutionLearner(stores, institution.id, identity);
    if (!learner) throw new DomainError("sign_on_no_learner");
    let outcome: SignOnOutcome = "signed_in";
    let user: UserRecord | null = null;
    const linkedId = await stores.learners.linkedUserId(learner.id);
    if (linkedId) {
      user = await stores.users.findById(linkedId);
    } else {
      const email =
        vouchedEmail(institution, learner, identity.email) ??
        learner.personalEmail ??
        learner.institutionalEmail;
      if (!email) throw new DomainError("sign_on_no_learner");
      user = await stores.users.findByAnyVerifiedEmail(email);
      if (user && !user.emailVerifiedAt && lower(user.email) === lower(email)) {
        // An account waiting for activation: whoever created it may not own the address.
        throw new DomainError("sign_on_account_conflict");
      }
      if (user) {
        const memberships = await stores.memberships.listForUsers([user.id]);
        if (memberships.length > 0) throw new DomainError("sign_on_account_conflict");
        outcome = "linked_existing_user";
      } else {
        if (await stores.users.findByEmail(email)) throw new DomainError("sign_on_account_conflict");
        user = await stores.users.create({
          email,
          displayName: `${learner.givenName} ${learner.familyName}`.trim(),
          locale: learner.locale,
          passwordHash: null,
          emailVerifiedAt: now,
        });
        outcome = "created_user";
      }
      if (!(await stores.learners.linkUser(learner.id, user.id))) throw new DomainError("sign_on_failed");
    }
    if (user?.status !== "active") throw new DomainError("account_disabled");
    const claimed = await stores.learnerInvitations.markClaimedForLearner(learner.id, now);
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: input.ip },
      {
        institutionId: institution.id,
        action: "sign_on.signed_in",
        targetType: "learner",
        targetId: learner.id,
        details: {
          providerId: provider.id,
          protocol: provider.protocol,
          userId: user.id,
          outcome,
          invitationClaimed: claimed,
        },
      },
    );
    return finishSignIn(deps, user, input, stores);
  });
}
