import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { OrganizationStaffMember } from "./organizations.types.ts";

/** The organization's admins and reviewers (the operator and its admins). */
export async function listOrganizationStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<OrganizationStaffMember[]> {
  const org = await requireAccess(deps, actor, "organization.staff", slug);
  return deps.stores.organizations.listStaff(org.id);
}

/** Removes a person from the organization's staff. Nobody removes their own membership. */
export async function removeOrganizationStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  membershipId: string,
): Promise<void> {
  const org = await requireAccess(deps, actor, "organization.staff", slug);
  const membership = await deps.stores.memberships.findById(membershipId);
  if (!membership || membership.organizationId !== org.id) throw new DomainError("not_found");
  if (membership.userId === actor.user.id) throw new DomainError("cannot_change_self");
  await deps.transact(async (stores) => {
    await stores.memberships.remove(membership.id);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "organization.staff_removed",
      targetType: "user",
      targetId: membership.userId,
      details: { role: membership.role, organizationId: org.id },
    });
  });
}
