import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { OrganizationPendingInvitation } from "./organizations.types.ts";

/** The organization's pending staff invitations (the operator and its admins). */
export async function listOrganizationInvitations(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<OrganizationPendingInvitation[]> {
  const org = await requireAccess(deps, actor, "organization.staff", slug);
  return deps.stores.organizations.listPendingInvitations(org.id, deps.clock.now());
}

/**
 * Cancels a pending staff invitation (the operator and its admins): its link is refused from now
 * on. Audited. Anyone else, or an invitation of another organization → not_found.
 */
export async function cancelOrganizationInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  invitationId: string,
): Promise<void> {
  const org = await requireAccess(deps, actor, "organization.staff", slug);
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    const cancelled = await stores.organizations.cancelInvitation(org.id, invitationId, now);
    if (!cancelled) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "organization.invitation_cancelled",
      targetType: "organization",
      targetId: org.id,
      details: { invitationId, email: cancelled.email, role: cancelled.role },
    });
  });
}
