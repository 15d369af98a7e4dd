import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import {
  ORGANIZATION_INVITATION_TTL_MS,
  organizationInvitationEmail,
  signOrganizationInvitation,
} from "./organization-invitation.ts";
import type { OrganizationRole } from "./organizations.types.ts";

/**
 * Invites a person by email to an organization's staff: the operator invites its administrators
 * (and may invite reviewers); its administrators invite reviewers and other administrators.
 */
export async function inviteOrganizationStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: { email: string; role: OrganizationRole; locale: Locale },
): Promise<{ email: string; role: OrganizationRole; expiresAt: string }> {
  const org = await requireAccess(deps, actor, "organization.staff", slug);
  const email = input.email.trim();
  const existing = await deps.stores.users.findByEmail(email);
  if (existing) {
    const memberships = await deps.stores.memberships.listForUsers([existing.id]);
    if (memberships.some((m) => m.organizationId === org.id)) throw new DomainError("already_member");
  }
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ORGANIZATION_INVITATION_TTL_MS);
  const { token, nonceHash } = signOrganizationInvitation(deps, {
    organizationId: org.id,
    email,
    role: input.role,
    expiresAt,
  });
  await deps.transact(async (stores) => {
    await stores.organizations.recordInvitation({
      organizationId: org.id,
      nonceHash,
      email,
      role: input.role,
      invitedBy: actor.user.id,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "organization.staff_invited",
      targetType: "organization",
      targetId: org.id,
      details: { email, role: input.role },
    });
  });
  await deps.mailer.send(
    organizationInvitationEmail({
      to: email,
      locale: existing?.locale ?? input.locale,
      organization: org,
      role: input.role,
      inviterName: actor.user.displayName,
      url: `${deps.settings.publicUrl}/organization-invitation#token=${token}`,
      expiresAt,
    }),
  );
  return { email, role: input.role, expiresAt: expiresAt.toISOString() };
}
