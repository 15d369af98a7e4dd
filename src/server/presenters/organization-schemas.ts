import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../core/organizations/organizations.types.ts";
import { Email, Slug } from "../http/inputs.ts";
import { FileVerdictOut } from "./share-schemas.ts";
import { DocumentVerificationOut } from "./verification-schemas.ts";

/** Request and response shapes of the organization routes. */
export const OrgSlugParams = z.strictObject({ slug: Slug });
export const ShareParams = z.strictObject({ slug: Slug, shareId: z.uuid() });

const Name = z.string().trim().min(1).max(200);
export const OrganizationFields = {
  nameFr: Name,
  nameEn: Name,
  kind: z.enum(ORGANIZATION_KINDS),
  country: z.string().regex(/^[A-Za-z]{2}$/),
  contactEmail: Email.nullable(),
};
export const NewOrganizationSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/);

export const OrganizationOut = z.object({
  id: z.string(),
  slug: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  country: z.string(),
  contactEmail: z.string().nullable(),
  hasLogo: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const DirectoryEntryOut = z.object({
  id: z.string(),
  slug: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  country: z.string(),
  logoUrl: z.string().nullable(),
});

/** An organization staff member's role (invitations ask for one, members and invitations show it). */
export const StaffRole = z.enum(["organization_admin", "reviewer"]);

export const StaffMemberOut = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(["organization_admin", "reviewer"]),
});

/** A staff invitation just sent. */
export const StaffInvitationOut = z.object({ email: z.string(), role: StaffRole, expiresAt: z.string() });

/** A pending staff invitation, in the organization's list. */
export const PendingStaffInvitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: StaffRole,
  createdAt: z.string(),
  expiresAt: z.string(),
});

/** What an organization invitation link is for, shown to the invitee before they accept. */
export const StaffInvitationLookupOut = z.object({
  email: z.string(),
  role: StaffRole,
  organization: z.object({
    slug: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    hasLogo: z.boolean(),
  }),
  expiresAt: z.string(),
  accountExists: z.boolean(),
});

const Names = { slug: z.string(), nameFr: z.string(), nameEn: z.string() };
export const InboxItemOut = z.object({
  shareId: z.string(),
  learnerName: z.string(),
  message: z.string().nullable(),
  receivedAt: z.string(),
  expiresAt: z.string(),
  available: z.boolean(),
  downloadAllowed: z.boolean(),
  processedAt: z.string().nullable(),
  processedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      issueDate: z.string().nullable(),
      status: z.enum(["active", "revoked", "superseded"]),
      institution: z.object(Names),
      /** The stored file's verdict; null once the share is unavailable (not checked). */
      check: FileVerdictOut.nullable(),
    }),
  ),
});

/** A shared document's registry record, as the public verification gives it, with the institution's names only. */
export const VerificationOut = DocumentVerificationOut.extend({
  institution: z.object(Names),
  /** The stored file the organization retrieves, verified and compared with this record. */
  check: FileVerdictOut,
});
