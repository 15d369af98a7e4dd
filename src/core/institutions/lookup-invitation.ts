import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { InvitationRecord } from "./institutions.ports.ts";
import type { Institution, InvitationPreview } from "./institutions.types.ts";
import { invitationStatus } from "./to-invitation.ts";

/** The open invitation for a token and its institution, or invitation_invalid. */
export async function findOpenInvitation(
  deps: Pick<CoreDeps, "stores" | "secrets" | "clock">,
  token: string,
): Promise<{ invitation: InvitationRecord; institution: Institution }> {
  const invitation = token ? await deps.stores.invitations.findByHash(deps.secrets.hashToken(token)) : null;
  if (!invitation || invitationStatus(invitation, deps.clock.now()) !== "pending")
    throw new DomainError("invitation_invalid");
  const institution = await deps.stores.institutions.findById(invitation.institutionId);
  if (!institution) throw new DomainError("invitation_invalid");
  return { invitation, institution };
}

export async function lookupInvitation(deps: CoreDeps, token: string): Promise<InvitationPreview> {
  const { invitation, institution: i } = await findOpenInvitation(deps, token);
  const user = await deps.stores.users.findByEmail(invitation.email);
  return {
    email: invitation.email,
    role: invitation.role,
    institution: {
      slug: i.slug,
      nameFr: i.nameFr,
      nameEn: i.nameEn,
      primaryColor: i.primaryColor,
      accentColor: i.accentColor,
      hasLogo: i.hasLogo,
    },
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: user !== null,
  };
}
