/** What anyone holding a document's id (printed on it, in its QR code) may see of its registry record. */
export interface DocumentVerificationRecord {
  id: string;
  title: string;
  status: DocumentStatus;
  signedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  supersededBy: string | null;
  /** SHA-256 (hex) of the file as issued, to compare a copy against. */
  sha256: string;
  institution: {
    slug: string;
    nameFr: string;
    nameEn: string;
    primaryColor: string;
    accentColor: string;
    hasLogo: boolean;
  };
}

export type DocumentStatus = "active" | "revoked" | "superseded";

/** What a list shows of a document's learner. */
export interface DocumentLearnerRef {
  id: string;
  studentNumber: string;
  givenName: string;
  familyName: string;
}

/** What a list shows of a document's type. */
export interface DocumentTypeRef {
  id: string;
  code: string;
  nameFr: string;
  nameEn: string;
}

/** One document of the institution's registry, as its staff see it in a list. */
export interface DocumentSummary {
  id: string;
  title: string;
  status: DocumentStatus;
  /** YYYY-MM-DD, or null for a file signed with `sceau sign`. */
  issueDate: string | null;
  externalId: string | null;
  batchId: string | null;
  signedAt: string;
  learner: DocumentLearnerRef | null;
  documentType: DocumentTypeRef | null;
}

/** Another document this one points to: its replacement, or one it replaced. */
export interface DocumentLink {
  id: string;
  title: string;
  status: DocumentStatus;
  issueDate: string | null;
}

/** One document with everything its staff page shows. */
export interface DocumentDetail extends DocumentSummary {
  /** SHA-256 (hex) of the signed file as issued. */
  sha256: string;
  byteSize: number;
  revokedAt: string | null;
  revocationReason: string | null;
  /** The document that replaced this one (status superseded). */
  supersededBy: DocumentLink | null;
  /** The documents this one replaced. */
  replaces: DocumentLink[];
}

/** One page of the registry, newest first. Cursors are opaque. */
export interface DocumentPage {
  documents: DocumentSummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The filters of the registry list; all optional. */
export interface DocumentFilter {
  q?: string;
  status?: DocumentStatus;
  documentTypeId?: string;
  learnerId?: string;
  batchId?: string;
}
