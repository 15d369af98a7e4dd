import type { DocumentStatus } from "../documents/documents.types.ts";
import type { FileVerdict } from "../documents/file-verdict.types.ts";

/** How a share reaches its recipient. */
export type ShareChannel = "email" | "link" | "public" | "organization";

/** What a learner asks for when sharing (validated by prepareShare). */
export interface ShareInput {
  channel: ShareChannel;
  documentIds: string[];
  /** email: required; link: optional (the recipient then gets a one-time code by email). */
  recipientEmail?: string | null;
  /** email channel: a note for the recipient. */
  message?: string | null;
  /** organization channel: the directory entry. */
  organizationId?: string | null;
  /** Days the share lasts (1 to 365); the documents' types give the default. */
  lifetimeDays?: number | null;
  /** link channel: a passcode the recipient must type. */
  passcode?: string | null;
  /** link channel: how many times the documents may be opened. */
  maxViews?: number | null;
  downloadAllowed?: boolean;
  notifyOnFirstView?: boolean;
}

/** What sharing these documents costs (the sum of their types' share fees). */
export interface ShareQuote {
  amountCents: number;
  currency: string | null;
  /** Each priced document (a share with a fee is paid for one document at a time). */
  items: { documentId: string; institutionId: string; amountCents: number; currency: string }[];
}

/** The share's true state, the first that applies: revoked, expired, used up (view limit reached), locked, active. */
export type ShareStatus = "active" | "locked" | "used_up" | "expired" | "revoked";

/** "locked": a wrong passcode or code that locked the share (the back-off; see share-rules.ts). */
export type ShareEventKind = "view" | "download" | "retrieved" | "access_failed" | "locked";

/** One share in the learner's history. */
export interface ShareSummary {
  id: string;
  channel: ShareChannel;
  status: ShareStatus;
  recipientEmail: string | null;
  organization: { id: string; nameFr: string; nameEn: string } | null;
  hasPasscode: boolean;
  /** Views and downloads allowed together, or null. */
  maxViews: number | null;
  viewCount: number;
  downloadCount: number;
  downloadAllowed: boolean;
  notifyOnFirstView: boolean;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** While locked (status "locked"): when the lock ends by itself. */
  lockedUntil: string | null;
  /** The latest date extend may reach (a year after creation). */
  extendableUntil: string;
  documents: { id: string; title: string }[];
  events: {
    kind: ShareEventKind;
    documentId: string | null;
    organization: { nameFr: string; nameEn: string } | null;
    createdAt: string;
  }[];
}

/** A newly created share; the link exists in clear only here. */
export interface CreatedShare {
  share: ShareSummary;
  /** Null for the organization channel (its documents go to the organization's inbox). */
  link: string | null;
}

/** A document as the recipient sees it, with the verdict of the very file they get. */
export interface SharedDocument {
  id: string;
  title: string;
  issueDate: string | null;
  signedAt: string;
  /** The registry's status. */
  status: DocumentStatus;
  /** The stored signed file verified, then compared with this document's registry record. */
  check: FileVerdict;
  revokedAt: string | null;
  /** The replacing document's id, for a superseded one (its public record is /v/<id>). */
  supersededBy: string | null;
  /** The learner's name on the institution's record. */
  learnerName: string;
  institution: { slug: string; nameFr: string; nameEn: string; hasLogo: boolean };
  documentType: { nameFr: string; nameEn: string } | null;
  /** Offered for download: the share and the type allow it, and the file is the one issued. */
  downloadAllowed: boolean;
}

/** What GET /api/v1/shares/:token answers. */
export type RecipientShare =
  | {
      state: "open";
      shareId: string;
      channel: ShareChannel;
      /** Who the share is for (the watermark of the rendition): an email, an organization or null. */
      recipient: string | null;
      learnerName: string;
      message: string | null;
      expiresAt: string;
      /** With a view limit: views and downloads left after this view (each download takes one). */
      usesLeft: number | null;
      documents: SharedDocument[];
    }
  | {
      state: "locked";
      needs: { passcode: boolean; code: boolean };
      /** The recipient address with most of it hidden ("a•••@example.ca"), when a code is needed. */
      emailHint: string | null;
      learnerName: string;
      /** Locked by the back-off after wrong attempts: until when (nothing is checked before). */
      lockedUntil: string | null;
    }
  | {
      /** No learner's name: a link that no longer opens says only who issued the documents. */
      state: "unavailable";
      reason: "expired" | "revoked" | "used_up";
      institutions: { nameFr: string; nameEn: string }[];
    };

/** The tags a public share's page carries for social networks (nothing of the contents). */
export interface PublicShareCard {
  learnerName: string;
  institution: { nameFr: string; nameEn: string };
  documentType: { nameFr: string; nameEn: string } | null;
  /** One of the shared documents is a diploma (LinkedIn's "add to profile" applies). */
  isDiploma: boolean;
  issueDate: string | null;
  documentCount: number;
}
