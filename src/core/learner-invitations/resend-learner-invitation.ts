import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { QUEUES } from "../jobs/queues.ts";
import type { CoreDeps } from "../ports.ts";
import { presentLearnerInvitation } from "./get-learner-invitation.ts";
import type { LearnerInvitationView } from "./learner-invitations.types.ts";
import { reopenClaim } from "./reopen-claim.ts";

/**
 * Sends the learner a new access code and claim password (the previous code stops working when
 * the new one is made). Audited. For a learner who has been issued a document and has not claimed
 * it yet, or whose claim left them without a usable account (see reopenClaim).
 */
export async function resendLearnerInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  learnerId: string,
): Promise<LearnerInvitationView> {
  const institution = await requireAccess(deps, actor, "learners.manage", slug);
  if (!(await deps.stores.learners.findById(institution.id, learnerId))) throw new DomainError("not_found");
  return deps.transact(async (stores) => {
    const [invitation] = await stores.learnerInvitations.findByLearners([learnerId]);
    if (!invitation) throw new DomainError("not_found");
    const now = deps.clock.now();
    const reopened = invitation.status === "claimed" ? await reopenClaim(deps, stores, learnerId, now) : null;
    await stores.learnerInvitations.requeue(invitation.id, now);
    await stores.jobs.enqueue(
      {
        queue: QUEUES.inviteLearner,
        payload: { invitationId: invitation.id },
        singletonKey: `invite:${invitation.id}`,
      },
      now,
    );
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "learner_invitation.resent",
      targetType: "learner",
      targetId: learnerId,
      details: {
        previousStatus: invitation.status,
        sendCount: invitation.sendCount,
        ...(reopened ? { detachedUserId: reopened.detachedUserId } : {}),
      },
    });
    return presentLearnerInvitation({ ...invitation, status: "queued" });
  });
}
