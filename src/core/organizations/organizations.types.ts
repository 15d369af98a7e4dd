import type { DocumentStatus, DocumentVerificationRecord } from "../documents/documents.types.ts";
import type { FileVerdict } from "../documents/file-verdict.types.ts";

/** Participating organizations (employers, admissions offices, licensing bodies…) and their inbox. */

export const ORGANIZATION_KINDS = ["employer", "education", "government", "licensing", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_ROLES = ["organization_admin", "reviewer"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** An organization as the operator and its own staff see it. */
export interface Organization {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  kind: OrganizationKind;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  contactEmail: string | null;
  hasLogo: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a learner choosing where to share sees: no contact email. */
export interface DirectoryEntry {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  kind: OrganizationKind;
  country: string;
  /** The logo's path on the portal, or null. */
  logoUrl: string | null;
}

export interface OrganizationInput {
  slug: string;
  nameFr: string;
  nameEn: string;
  kind: OrganizationKind;
  country: string;
  contactEmail: string | null;
}

/** A person on an organization's staff. */
export interface OrganizationStaffMember {
  membershipId: string;
  userId: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
}

/** A staff invitation sent and not yet accepted, cancelled or expired. */
export interface OrganizationPendingInvitation {
  id: string;
  email: string;
  role: OrganizationRole;
  createdAt: string;
  expiresAt: string;
}

/** What an organization invitation link shows before it is accepted. */
export interface OrganizationInvitationPreview {
  email: string;
  role: OrganizationRole;
  organization: { slug: string; nameFr: string; nameEn: string; hasLogo: boolean };
  expiresAt: string;
  accountExists: boolean;
}

/** One document inside a received share. */
export interface InboxDocument {
  id: string;
  title: string;
  issueDate: string | null;
  status: DocumentStatus;
  institution: { slug: string; nameFr: string; nameEn: string };
  /** The verdict of the stored file the organization would retrieve; null once the share is unavailable (not checked). */
  check: FileVerdict | null;
}

/** One share in an organization's inbox. */
export interface InboxItem {
  shareId: string;
  learnerName: string;
  message: string | null;
  receivedAt: string;
  expiresAt: string;
  /** The share was revoked by the learner or has expired: its documents are no longer available. */
  available: boolean;
  downloadAllowed: boolean;
  processedAt: string | null;
  processedBy: { id: string; displayName: string } | null;
  documents: InboxDocument[];
}

/** A received share opened: each document with its registry record and its stored file's verdict. */
export interface InboxShare extends InboxItem {
  /** Each document's registry record, and `check`: the verdict of the stored file the organization retrieves. */
  verifications: (DocumentVerificationRecord & { check: FileVerdict })[];
}

export interface InboxFilter {
  q?: string;
  processed?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
}
