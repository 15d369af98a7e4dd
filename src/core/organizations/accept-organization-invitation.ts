import { checkInvitee } from "../accounts/check-invitee.ts";
import { finishSignIn, type SignInOutcome } from "../accounts/finish-sign-in.ts";
import type { ClientInfo } from "../accounts/start-session.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { type OrganizationInvitationClaims, readOrganizationInvitation } from "./organization-invitation.ts";
import type { Organization, OrganizationInvitationPreview } from "./organizations.types.ts";

/** The open invitation behind a token: signed, unexpired, unused, not cancelled, its organization active. */
async function openInvitation(
  deps: CoreDeps,
  token: string,
): Promise<{ claims: OrganizationInvitationClaims; organization: Organization }> {
  const claims = readOrganizationInvitation(deps, token);
  const nonceHash = claims ? deps.secrets.hashToken(claims.nonce) : null;
  const used = nonceHash
    ? (await deps.stores.tokens.findByHash(nonceHash)) ||
      (await deps.stores.organizations.isInvitationCancelled(nonceHash))
    : null;
  const organization =
    claims && !used ? await deps.stores.organizations.findById(claims.organizationId) : null;
  if (!claims || !organization || organization.archivedAt) throw new DomainError("invitation_invalid");
  return { claims, organization };
}

export async function lookupOrganizationInvitation(
  deps: CoreDeps,
  token: string,
): Promise<OrganizationInvitationPreview> {
  const { claims, organization: o } = await openInvitation(deps, token);
  return {
    email: claims.email,
    role: claims.role,
    organization: { slug: o.slug, nameFr: o.nameFr, nameEn: o.nameEn, hasLogo: o.hasLogo },
    expiresAt: claims.expiresAt.toISOString(),
    accountExists: (await deps.stores.users.findByEmail(claims.email)) !== null,
  };
}

/**
 * Accepts an organization invitation: a new account with the chosen password (the link proves the
 * email), or the existing account after checking its own password. The membership, the link's use
 * and the session land together; two-step verification gets its code step (finishSignIn).
 */
export async function acceptOrganizationInvitation(
  deps: CoreDeps,
  input: ClientInfo & { token: string; displayName: string; password: string; locale: Locale },
): Promise<SignInOutcome> {
  const { claims, organization } = await openInvitation(deps, input.token);
  const { existing, newHash } = await checkInvitee(deps, claims.email, input);
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const user =
      existing ??
      (await stores.users.create({
        email: claims.email,
        displayName: input.displayName.trim(),
        locale: input.locale,
        passwordHash: newHash,
        emailVerifiedAt: now,
      }));
    // The nonce's hash is unique in one_time_tokens: a second acceptance finds it, or fails to insert it.
    const tokenHash = deps.secrets.hashToken(claims.nonce);
    if (await stores.tokens.findByHash(tokenHash)) throw new DomainError("invitation_invalid");
    await stores.tokens.create({
      tokenHash,
      purpose: "organization_invitation",
      userId: user.id,
      expiresAt: claims.expiresAt,
    });
    const created = await stores.tokens.findByHash(tokenHash);
    if (!created || !(await stores.tokens.consume(created.id, now)))
      throw new DomainError("invitation_invalid");
    // Cancelled meanwhile: refused (acceptance and cancellation meet on the invitation's row).
    if (!(await stores.organizations.markInvitationAccepted(tokenHash, now)))
      throw new DomainError("invitation_invalid");
    const memberships = await stores.memberships.listForUsers([user.id]);
    if (!memberships.some((m) => m.organizationId === organization.id))
      await stores.memberships.add({
        userId: user.id,
        role: claims.role,
        institutionId: null,
        organizationId: organization.id,
      });
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: input.ip },
      {
        institutionId: null,
        action: "organization.staff_joined",
        targetType: "organization",
        targetId: organization.id,
        details: { role: claims.role },
      },
    );
    return finishSignIn(deps, user, input, stores);
  });
}
