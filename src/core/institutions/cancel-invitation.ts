import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

export async function cancelInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  invitationId: string,
): Promise<void> {
  const inst = await requireAccess(deps, actor, "staff.manage", slug);
  const current = await deps.stores.invitations.findById(invitationId);
  if (!current || current.institutionId !== inst.id) throw new DomainError("not_found");
  await deps.transact(async (stores) => {
    await stores.invitations.cancel(current.id, deps.clock.now());
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "staff.invitation_cancelled",
      targetType: "invitation",
      targetId: current.id,
      details: { email: current.email },
    });
  });
}
