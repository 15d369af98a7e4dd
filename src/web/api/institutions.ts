import type { InstitutionRole } from "../../core/accounts/accounts.types.ts";
import type { Locale } from "../../core/i18n.types.ts";
import type {
  Institution,
  InstitutionInput,
  InstitutionSigningSettings,
  Invitation,
  InvitationPreview,
  StaffMember,
} from "../../core/institutions/institutions.types.ts";
import type { SignInResult } from "./auth.ts";
import { forgetCsrfToken, institutionPath, request } from "./http.ts";

export type InstitutionPatch = Partial<Omit<InstitutionInput, "slug"> & InstitutionSigningSettings>;

const seg = encodeURIComponent;

/** Where the public logo of an institution is served; `version` defeats the browser cache after a change. */
export function institutionLogoUrl(slug: string, version?: string): string {
  const url = `${institutionPath(slug)}/logo`;
  return version ? `${url}?v=${seg(version)}` : url;
}

// Institutions

export async function listInstitutions(): Promise<Institution[]> {
  return (await request<{ institutions: Institution[] }>("GET", "/api/v1/institutions")).institutions;
}

export async function createInstitution(input: InstitutionInput): Promise<Institution> {
  return (await request<{ institution: Institution }>("POST", "/api/v1/institutions", { json: input }))
    .institution;
}

export async function getInstitution(slug: string): Promise<Institution> {
  return (await request<{ institution: Institution }>("GET", institutionPath(slug))).institution;
}

export async function updateInstitution(slug: string, changes: InstitutionPatch): Promise<Institution> {
  return (await request<{ institution: Institution }>("PATCH", institutionPath(slug), { json: changes }))
    .institution;
}

export async function uploadInstitutionLogo(slug: string, file: File): Promise<Institution> {
  return (await request<{ institution: Institution }>("PUT", `${institutionPath(slug)}/logo`, { blob: file }))
    .institution;
}

export async function deleteInstitutionLogo(slug: string): Promise<Institution> {
  return (await request<{ institution: Institution }>("DELETE", `${institutionPath(slug)}/logo`)).institution;
}

// Staff and invitations

export const getStaff = (slug: string) =>
  request<{ staff: StaffMember[]; invitations: Invitation[] }>("GET", `${institutionPath(slug)}/staff`);

export async function inviteStaff(
  slug: string,
  input: { email: string; role: InstitutionRole; locale?: Locale },
): Promise<Invitation> {
  return (
    await request<{ invitation: Invitation }>("POST", `${institutionPath(slug)}/invitations`, { json: input })
  ).invitation;
}

export async function resendInvitation(slug: string, id: string): Promise<Invitation> {
  return (
    await request<{ invitation: Invitation }>(
      "POST",
      `${institutionPath(slug)}/invitations/${seg(id)}/resend`,
    )
  ).invitation;
}

export const cancelInvitation = (slug: string, id: string) =>
  request<void>("DELETE", `${institutionPath(slug)}/invitations/${seg(id)}`);

export const removeStaffMember = (slug: string, membershipId: string) =>
  request<void>("DELETE", `${institutionPath(slug)}/staff/${seg(membershipId)}`);

// Invitations (link holder)

export async function lookupInvitation(token: string): Promise<InvitationPreview> {
  return (
    await request<{ invitation: InvitationPreview }>("POST", "/api/v1/invitations/lookup", {
      json: { token },
    })
  ).invitation;
}

export async function acceptInvitation(input: {
  token: string;
  displayName?: string;
  password: string;
}): Promise<SignInResult> {
  const result = await request<SignInResult>("POST", "/api/v1/invitations/accept", { json: input });
  forgetCsrfToken();
  return result;
}
