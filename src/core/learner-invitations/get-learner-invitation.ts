import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { LearnerInvitationRecord } from "./learner-invitations.ports.ts";
import type { LearnerInvitationView } from "./learner-invitations.types.ts";

export const presentLearnerInvitation = (r: LearnerInvitationRecord): LearnerInvitationView => ({
  status: r.status,
  sendCount: r.sendCount,
  sentAt: r.sentAt?.toISOString() ?? null,
  codeExpiresAt: r.codeExpiresAt?.toISOString() ?? null,
  lastError: r.lastError,
  claimedAt: r.claimedAt?.toISOString() ?? null,
});

/** The learner's invitation (null before their first document), for staff of the institution. */
export async function getLearnerInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  learnerId: string,
): Promise<LearnerInvitationView | null> {
  const institution = await requireAccess(deps, actor, "learners.manage", slug);
  if (!(await deps.stores.learners.findById(institution.id, learnerId))) throw new DomainError("not_found");
  const [invitation] = await deps.stores.learnerInvitations.findByLearners([learnerId]);
  return invitation ? presentLearnerInvitation(invitation) : null;
}
