import type {
  DirectoryEntry,
  InboxItem,
  InboxShare,
  Organization,
  OrganizationInput,
  OrganizationInvitationPreview,
  OrganizationKind,
  OrganizationPendingInvitation,
  OrganizationRole,
  OrganizationStaffMember,
} from "../../core/organizations/organizations.types.ts";
import type { SignInResult } from "./auth.ts";
import { request } from "./http.ts";

export type OrganizationFields = Omit<OrganizationInput, "slug"> & { kind: OrganizationKind };

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return s.size ? `?${s}` : "";
};

export const listOperatorOrganizations = async (search: string) =>
  (
    await request<{ organizations: Organization[] }>(
      "GET",
      `/api/v1/operator/organizations${q({ q: search })}`,
    )
  ).organizations;

export const getOrganization = async (slug: string) =>
  (await request<{ organization: Organization }>("GET", `/api/v1/organizations/${encodeURIComponent(slug)}`))
    .organization;

export const listMyOrganizations = async () =>
  (await request<{ organizations: Organization[] }>("GET", "/api/v1/organizations/mine")).organizations;

export const createOrganization = async (input: OrganizationInput) =>
  (await request<{ organization: Organization }>("POST", "/api/v1/operator/organizations", { json: input }))
    .organization;

export const updateOrganization = async (
  slug: string,
  patch: Partial<OrganizationFields> & { archived?: boolean },
) =>
  (
    await request<{ organization: Organization }>(
      "PATCH",
      `/api/v1/operator/organizations/${encodeURIComponent(slug)}`,
      { json: patch },
    )
  ).organization;

export const setOrganizationLogo = async (slug: string, file: Blob | null) =>
  (
    await request<{ organization: Organization }>(
      file ? "PUT" : "DELETE",
      `/api/v1/operator/organizations/${encodeURIComponent(slug)}/logo`,
      file ? { blob: file } : {},
    )
  ).organization;

export interface InboxQuery {
  q: string;
  processed: "" | "true" | "false";
  from: string;
  to: string;
}

export const listInbox = async (slug: string, query: InboxQuery) =>
  (
    await request<{ items: InboxItem[] }>(
      "GET",
      `/api/v1/organizations/${encodeURIComponent(slug)}/inbox${q({ ...query })}`,
    )
  ).items;

export const openInboxShare = async (slug: string, shareId: string) =>
  (
    await request<{ item: InboxShare }>(
      "GET",
      `/api/v1/organizations/${encodeURIComponent(slug)}/inbox/${shareId}`,
    )
  ).item;

export const setProcessed = async (slug: string, shareId: string, processed: boolean) =>
  (
    await request<{ item: InboxItem }>(
      "PUT",
      `/api/v1/organizations/${encodeURIComponent(slug)}/inbox/${shareId}/processed`,
      { json: { processed } },
    )
  ).item;

export const inboxFileUrl = (slug: string, shareId: string, documentId: string) =>
  `/api/v1/organizations/${encodeURIComponent(slug)}/inbox/${shareId}/documents/${documentId}/file`;

export const lookupOrganizationInvitation = async (token: string) =>
  (
    await request<{ invitation: OrganizationInvitationPreview }>(
      "POST",
      "/api/v1/organization-invitations/lookup",
      {
        json: { token },
      },
    )
  ).invitation;

export const acceptOrganizationInvitation = (input: {
  token: string;
  displayName?: string;
  password: string;
  locale: "fr" | "en";
}) => request<SignInResult>("POST", "/api/v1/organization-invitations/accept", { json: input });

export const listOrganizationStaff = async (slug: string) =>
  (
    await request<{ staff: OrganizationStaffMember[] }>(
      "GET",
      `/api/v1/organizations/${encodeURIComponent(slug)}/staff`,
    )
  ).staff;

export const inviteOrganizationStaff = (
  slug: string,
  input: { email: string; role: OrganizationRole; locale: "fr" | "en" },
) =>
  request<unknown>("POST", `/api/v1/organizations/${encodeURIComponent(slug)}/invitations`, { json: input });

export const removeOrganizationStaff = (slug: string, membershipId: string) =>
  request<unknown>("DELETE", `/api/v1/organizations/${encodeURIComponent(slug)}/staff/${membershipId}`);

/** The directory a learner chooses from when sharing with an organization (active ones, no contact email). */
export const searchOrganizationDirectory = async (search: string) =>
  (await request<{ organizations: DirectoryEntry[] }>("GET", `/api/v1/organizations${q({ q: search })}`))
    .organizations;

export const listOrganizationInvitations = async (slug: string) =>
  (
    await request<{ invitations: OrganizationPendingInvitation[] }>(
      "GET",
      `/api/v1/organizations/${encodeURIComponent(slug)}/invitations`,
    )
  ).invitations;

export const cancelOrganizationInvitation = (slug: string, invitationId: string) =>
  request<unknown>(
    "DELETE",
    `/api/v1/organizations/${encodeURIComponent(slug)}/invitations/${encodeURIComponent(invitationId)}`,
  );
