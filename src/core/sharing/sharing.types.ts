import type { DocumentStatus } from "../ports.ts";

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

export type ShareStatus = "active" | "expired" | "revoked";

export type ShareEventKind = "view" | "download" | "retrieved" | "access_failed";

/** One share in the learner's history. */
export interface ShareSummary {
  id: string;
  channel: ShareChannel;
  status: ShareStatus;
  recipientEmail: string | null;
  organization: { id: string; nameFr: string; nameEn: string } | null;
  hasPasscode: boolean;
  maxViews: number | null;
  viewCount: number;
  downloadAllowed: boolean;
  notifyOnFirstView: boolean;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
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

/** A document as the recipient sees it, with the registry's verdict. */
export interface SharedDocument {
  id: string;
  title: string;
  issueDate: string | null;
  signedAt: string;
  status: DocumentStatus;
  revokedAt: string | null;
  /** The replacing document's id, for a superseded one (its public record is /v/<id>). */
  supersededBy: string | null;
  /** The learner's name on the institution's record. */
  learnerName: string;
  institution: { slug: string; nameFr: string; nameEn: string; hasLogo: boolean };
  documentType: { nameFr: string; nameEn: string } | null;
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
      documents: SharedDocument[];
    }
  | {
      state: "locked";
      needs: { passcode: boolean; code: boolean };
      /** The recipient address with most of it hidden ("a•••@example.ca"), when a code is needed. */
      emailHint: string | null;
      learnerName: string;
      attemptsLeft: number;
    }
  | {
      state: "unavailable";
      reason: "expired" | "revoked" | "used_up" | "locked";
      learnerName: string;
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
