import { requireAccess } from "../access/require-access.ts";
import type { InstitutionRole } from "../accounts/accounts.types.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { Invitation } from "./institutions.types.ts";
import { sendInvitationEmail } from "./invitation-email.ts";
import { toInvitation } from "./to-invitation.ts";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Invites a person by email to an institution's staff, as administrator or issuer. The operator
 * and the institution's administrators may invite.
 */
export async function inviteStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: { email: string; role: InstitutionRole; locale: Locale },
): Promise<Invitation> {
  const inst = await requireAccess(deps, actor, "staff.manage", slug);
  const email = input.email.trim();
  const existing = await deps.stores.users.findByEmail(email);
  if (existing) {
    const memberships = await deps.stores.memberships.listForUsers([existing.id]);
    if (memberships.some((m) => m.institutionId === inst.id)) throw new DomainError("already_member");
  }
  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  const record = await deps.transact(async (stores) => {
    const created = await stores.invitations.create({
      tokenHash: deps.secrets.hashToken(token),
      email,
      role: input.role,
      institutionId: inst.id,
      invitedBy: actor.user.id,
      locale: existing?.locale ?? input.locale,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "staff.invited",
      targetType: "invitation",
      targetId: created.id,
      details: { email, role: input.role },
    });
    return created;
  });
  await sendInvitationEmail(deps, record, inst, token, actor.user.displayName);
  return toInvitation(record, now);
}
