import type { StoredFileRef } from "../documents/documents.ports.ts";
import type {
  InboxDocument,
  Organization,
  OrganizationInput,
  OrganizationPendingInvitation,
  OrganizationRole,
  OrganizationStaffMember,
} from "./organizations.types.ts";

/** The directory the operator keeps. */
export interface OrganizationStore {
  findBySlug(slug: string): Promise<Organization | null>;
  findById(id: string): Promise<Organization | null>;
  listByIds(ids: string[]): Promise<Organization[]>;
  /** Folded substring search on search_text; archived ones only when asked. Sorted by French name. */
  search(input: { q: string; includeArchived: boolean; limit: number }): Promise<Organization[]>;
  /** null when the slug is taken. */
  create(input: OrganizationInput & { searchText: string }): Promise<Organization | null>;
  update(
    id: string,
    patch: Partial<Omit<OrganizationInput, "slug">> & { searchText?: string; archivedAt?: Date | null },
  ): Promise<Organization | null>;
  getLogo(slug: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  setLogo(id: string, logo: { bytes: Uint8Array; contentType: string } | null): Promise<Organization | null>;
  /** Its admins and reviewers with their accounts, by name. */
  listStaff(organizationId: string): Promise<OrganizationStaffMember[]>;
  /** Where to tell its staff of a received share: each member's email and language. */
  listStaffContacts(organizationId: string): Promise<{ email: string; locale: "fr" | "en" }[]>;
  /** Files a sent staff invitation (by its token's nonce hash), so it can be listed and cancelled. */
  recordInvitation(input: {
    organizationId: string;
    nonceHash: string;
    email: string;
    role: OrganizationRole;
    invitedBy: string | null;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Invitations neither accepted, cancelled nor expired, newest first. */
  listPendingInvitations(organizationId: string, now: Date): Promise<OrganizationPendingInvitation[]>;
  /** Cancels one of the organization's pending invitations; null when there is none such. */
  cancelInvitation(
    organizationId: string,
    id: string,
    now: Date,
  ): Promise<{ email: string; role: OrganizationRole } | null>;
  /** Whether the invitation behind a token's nonce was cancelled (an unknown nonce was not). */
  isInvitationCancelled(nonceHash: string): Promise<boolean>;
  /** Marks the invitation accepted; false when it was cancelled (an unfiled nonce: true). */
  markInvitationAccepted(nonceHash: string, now: Date): Promise<boolean>;
}

/** A received share as stored: the inbox row and its share. */
export interface InboxRecord {
  shareId: string;
  organizationId: string;
  userId: string;
  learnerName: string;
  message: string | null;
  receivedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  downloadAllowed: boolean;
  processedAt: Date | null;
  processedBy: { id: string; displayName: string } | null;
  /** Each document with its registry record's file (to check it before it is shown or served). */
  documents: (Omit<InboxDocument, "check"> & { file: StoredFileRef })[];
}

/** An organization's inbox (organization_inbox joined to shares), and the events of its retrievals. */
export interface OrganizationInboxStore {
  /** Newest first. q matches (folded) the learner's name, a document title or an institution name. */
  list(
    organizationId: string,
    filter: { q: string; processed?: boolean; receivedFrom?: Date; receivedBefore?: Date; limit: number },
  ): Promise<InboxRecord[]>;
  find(organizationId: string, shareId: string): Promise<InboxRecord | null>;
  setProcessed(organizationId: string, shareId: string, by: string | null, at: Date | null): Promise<boolean>;
  /** Records that the organization's staff member retrieved a document of the share. */
  recordRetrieval(input: {
    shareId: string;
    documentId: string;
    organizationId: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void>;
  /** Files an organization share in the inbox (the sharing use case calls it; tests write fixtures with it). */
  receive(shareId: string, organizationId: string, at: Date): Promise<void>;
}
