import { assertAcceptablePassword } from "../accounts/password-policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { CLAIM_TOKEN_PURPOSE, codeBinding } from "./claim-rules.ts";
import type { ClaimCompleted } from "./claims.types.ts";
import { issueActivation } from "./issue-activation.ts";

export interface CompleteClaimInput {
  claimToken: string;
  email: string;
  password: string;
  locale: Locale;
  ip: string | null;
}

/**
 * Creates the learner's account from a checked claim: the user (email not verified yet), the link
 * from the learner record to it, the invitation marked claimed with its code cleared (single use),
 * an audit event and an activation link, all in one transaction; then emails the link. The claim
 * token works once: the code it is bound to no longer exists afterwards.
 */
export async function completeClaim(deps: CoreDeps, input: CompleteClaimInput): Promise<ClaimCompleted> {
  const now = deps.clock.now();
  const claims = deps.tokenSigner.verify(CLAIM_TOKEN_PURPOSE, input.claimToken, now);
  const invitation = claims?.invitation
    ? await deps.stores.learnerInvitations.findById(claims.invitation)
    : null;
  const codeHash = invitation?.status !== "claimed" ? invitation?.codeHash : null;
  if (
    !invitation ||
    !codeHash ||
    !deps.secrets.equal(claims?.binding ?? "", codeBinding(deps.secrets.hashToken, codeHash))
  ) {
    throw new DomainError("claim_token_invalid");
  }
  assertAcceptablePassword(input.password);
  const email = input.email.trim();
  if (await deps.stores.users.findByEmail(email)) throw new DomainError("email_taken");
  const learner = await deps.stores.learners.findById(invitation.institutionId, invitation.learnerId);
  if (!learner) throw new DomainError("claim_token_invalid");
  const passwordHash = await deps.passwords.hash(input.password);

  const message = await deps.transact(async (stores) => {
    if (!(await stores.learnerInvitations.claim(invitation.id, codeHash, now)))
      throw new DomainError("claim_token_invalid");
    if (await stores.users.findByEmail(email)) throw new DomainError("email_taken");
    const user = await stores.users.create({
      email,
      displayName: `${learner.givenName} ${learner.familyName}`.trim(),
      locale: input.locale,
      passwordHash,
      emailVerifiedAt: null,
    });
    if (!(await stores.learners.linkUser(learner.id, user.id))) throw new DomainError("claim_token_invalid");
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: input.ip },
      {
        institutionId: invitation.institutionId,
        action: "learner_invitation.claimed",
        targetType: "learner",
        targetId: learner.id,
        details: { invitationId: invitation.id, userId: user.id },
      },
    );
    return issueActivation(deps, stores, user);
  });
  deps.background("activation-email", () => deps.mailer.send(message));
  return { email };
}
