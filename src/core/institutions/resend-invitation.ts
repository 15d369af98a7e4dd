import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Invitation } from "./institutions.types.ts";
import { sendInvitationEmail } from "./invitation-email.ts";
import { INVITATION_TTL_MS } from "./invite-staff.ts";
import { toInvitation } from "./to-invitation.ts";

/** Sends a new link (the old one stops working) with a new expiry. */
export async function resendInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  invitationId: string,
): Promise<Invitation> {
  const inst = await requireAccess(deps, actor, "staff.manage", slug);
  const current = await deps.stores.invitations.findById(invitationId);
  if (!current || current.institutionId !== inst.id) throw new DomainError("not_found");
  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  const renewed = await deps.transact(async (stores) => {
    const r = await stores.invitations.renew(
      current.id,
      deps.secrets.hashToken(token),
      new Date(now.getTime() + INVITATION_TTL_MS),
    );
    if (!r) throw new DomainError("invitation_invalid");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "staff.invitation_resent",
      targetType: "invitation",
      targetId: r.id,
      details: { email: r.email },
    });
    return r;
  });
  await sendInvitationEmail(deps, renewed, inst, token, actor.user.displayName);
  return toInvitation(renewed, now);
}
