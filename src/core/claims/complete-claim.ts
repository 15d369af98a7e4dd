import { assertAcceptablePassword } from "../accounts/password-policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { ClaimCompleted } from "./claims.types.ts";
import { issueActivation } from "./issue-activation.ts";
import { openClaimToken } from "./open-claim-token.ts";

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
  const { invitation, codeHash, learner } = await openClaimToken(deps, input.claimToken);
  assertAcceptablePassword(deps, input.password);
  const email = input.email.trim();
  // Any address an account signs in with is taken (the learner then claims into that account).
  const taken = async (stores: typeof deps.stores) =>
    (await stores.users.findByAnyVerifiedEmail(email)) !== null;
  if (await taken(deps.stores)) throw new DomainError("email_taken");
  const passwordHash = await deps.passwords.hash(input.password);

  const message = await deps.transact(async (stores) => {
    if (!(await stores.learnerInvitations.claim(invitation.id, codeHash, now)))
      throw new DomainError("claim_token_invalid");
    if (await taken(stores)) throw new DomainError("email_taken");
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
