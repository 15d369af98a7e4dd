import { requireAccess } from "../access/require-access.ts";
import type { InstitutionRole } from "../accounts/accounts.types.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { Invitation, StaffMember } from "./institutions.types.ts";
import { toInvitation } from "./to-invitation.ts";

export async function listStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<{ staff: StaffMember[]; invitations: Invitation[] }> {
  const inst = await requireAccess(deps, actor, "staff.manage", slug);
  const memberships = await deps.stores.memberships.listForInstitution(inst.id);
  const staff: StaffMember[] = [];
  for (const m of memberships) {
    const user = await deps.stores.users.findById(m.userId);
    if (user)
      staff.push({
        membershipId: m.id,
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        role: m.role as InstitutionRole,
        status: user.status,
      });
  }
  staff.sort((a, b) => a.displayName.localeCompare(b.displayName, "fr"));
  const now = deps.clock.now();
  const invitations = (await deps.stores.invitations.listForInstitution(inst.id))
    .map((r) => toInvitation(r, now))
    .filter((i) => i.status === "pending" || i.status === "expired");
  return { staff, invitations };
}
