import { DomainError } from "../errors.ts";
import type { LearnerInvitationRecord } from "../learner-invitations/learner-invitations.ports.ts";
import type { Learner } from "../learners/learners.types.ts";
import type { CoreDeps } from "../ports.ts";
import { CLAIM_TOKEN_PURPOSE, codeBinding } from "./claim-rules.ts";

export interface OpenedClaim {
  invitation: LearnerInvitationRecord;
  /** The hash of the access code the token is bound to (the claim clears it: single use). */
  codeHash: string;
  learner: Learner;
}

/**
 * The invitation and learner record a claim token stands for, while the token is unexpired and
 * its access code is still the invitation's current one (not claimed, not replaced by a resend);
 * claim_token_invalid otherwise.
 */
export async function openClaimToken(deps: CoreDeps, claimToken: string): Promise<OpenedClaim> {
  const claims = deps.tokenSigner.verify(CLAIM_TOKEN_PURPOSE, claimToken, deps.clock.now());
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
  const learner = await deps.stores.learners.findById(invitation.institutionId, invitation.learnerId);
  if (!learner) throw new DomainError("claim_token_invalid");
  return { invitation, codeHash, learner };
}
