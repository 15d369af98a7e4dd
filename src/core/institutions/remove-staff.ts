import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/** Removes a person from an institution's staff. Nobody removes their own membership. */
export async function removeStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  membershipId: string,
): Promise<void> {
  const inst = await requireAccess(deps, actor, "staff.manage", slug);
  const membership = await deps.stores.memberships.findById(membershipId);
  if (!membership || membership.institutionId !== inst.id) throw new DomainError("not_found");
  if (membership.userId === actor.user.id) throw new DomainError("cannot_change_self");
  await deps.transact(async (stores) => {
    await stores.memberships.remove(membership.id);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "staff.removed",
      targetType: "user",
      targetId: membership.userId,
      details: { role: membership.role },
    });
  });
}
