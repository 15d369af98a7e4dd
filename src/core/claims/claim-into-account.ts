import { type Actor, actingUserId } from "../accounts/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { openClaimToken } from "./open-claim-token.ts";

/**
 * "I already have an account": claims a checked access code into the signed-in account, however
 * the person signed in (password, two-step, institution or social sign-on). The learner record
 * is linked to the account, the invitation marked claimed with its code cleared (single use) and
 * the claim audited, in one transaction; the wallet then lists this institution's documents beside
 * the others'. An API key is nobody's account: refused.
 */
export async function claimIntoAccount(
  deps: CoreDeps,
  actor: Actor,
  input: { claimToken: string },
): Promise<{ institutionSlug: string }> {
  const userId = actingUserId(actor);
  if (!userId) throw new DomainError("not_found");
  const now = deps.clock.now();
  const { invitation, codeHash, learner } = await openClaimToken(deps, input.claimToken);
  const institution = await deps.stores.institutions.findById(invitation.institutionId);
  if (!institution) throw new DomainError("claim_token_invalid");
  await deps.transact(async (stores) => {
    if (!(await stores.learnerInvitations.claim(invitation.id, codeHash, now)))
      throw new DomainError("claim_token_invalid");
    if (!(await stores.learners.linkUser(learner.id, userId))) throw new DomainError("claim_token_invalid");
    await recordAudit(
      deps,
      stores,
      { actorUserId: userId, actorLabel: actor.user.email, ip: actor.ip },
      {
        institutionId: invitation.institutionId,
        action: "learner_invitation.claimed",
        targetType: "learner",
        targetId: learner.id,
        details: { invitationId: invitation.id, userId, existingAccount: true },
      },
    );
  });
  return { institutionSlug: institution.slug };
}
