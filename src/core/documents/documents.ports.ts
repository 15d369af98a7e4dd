import type { DocumentLearnerRef, DocumentStatus, DocumentTypeRef } from "./documents.types.ts";
import type { FileVerdict } from "./file-verdict.types.ts";

export interface DocumentRecord {
  id: string;
  institutionId: string;
  title: string;
  /** SHA-256 (hex) of the signed file as issued. */
  sha256: string;
  byteSize: number;
  signingIdentityId: string | null;
  status: DocumentStatus;
  signedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersededBy: string | null;
  /** Issued to this learner of the institution (null for files signed with `sceau sign`). */
  learnerId: string | null;
  documentTypeId: string | null;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  /** The institution's own id for the document, unique within the institution. */
  externalId: string | null;
  batchId: string | null;
  /** PAdES B-LTA: when the newest archive timestamp stops protecting the file (null below B-LTA). */
  archiveUntil: Date | null;
}

/** The issuance links of a document: optional when creating one (a file signed with `sceau sign` has none). */
type DocumentLinks = "learnerId" | "documentTypeId" | "issueDate" | "externalId" | "batchId" | "archiveUntil";

/** A position in the registry's newest-first order. createdAt is the database's exact value (microseconds). */
export interface DocumentKey {
  createdAt: string;
  id: string;
}

/** One row of an institution's registry, with what a list shows of its learner and type. */
export interface DocumentListRow {
  document: DocumentRecord;
  key: DocumentKey;
  learner: DocumentLearnerRef | null;
  documentType: DocumentTypeRef | null;
}

export interface DocumentListQuery {
  institutionId: string;
  /** Matches the title or external id (case ignored), or the learner's names and student number (folded). */
  q: string;
  status?: DocumentStatus;
  documentTypeId?: string;
  learnerId?: string;
  batchId?: string;
  after: DocumentKey | null;
  limit: number;
}

export interface DocumentStore {
  create(
    input: Omit<
      DocumentRecord,
      "status" | "revokedAt" | "revocationReason" | "supersededBy" | DocumentLinks
    > &
      Partial<Pick<DocumentRecord, DocumentLinks>>,
  ): Promise<DocumentRecord>;
  findById(id: string): Promise<DocumentRecord | null>;
  findBySha256(sha256: string): Promise<DocumentRecord | null>;
  /** The document when it belongs to this institution, else null. */
  findInInstitution(institutionId: string, id: string): Promise<DocumentRecord | null>;
  /** The institution's documents that this one superseded (replaced). */
  listSupersededBy(institutionId: string, id: string): Promise<DocumentRecord[]>;
  /** A keyset page, newest first (created_at, id descending); hasMore: rows after this page. */
  list(query: DocumentListQuery): Promise<{ rows: DocumentListRow[]; hasMore: boolean }>;
  /** Revokes the document if it is still active; null when absent, another institution's or not active. */
  revoke(
    institutionId: string,
    id: string,
    input: { reason: string; now: Date },
  ): Promise<DocumentRecord | null>;
  /** Marks an active document superseded by another; false when absent or not active. Run in the new one's transaction. */
  markSuperseded(institutionId: string, id: string, supersededBy: string): Promise<boolean>;
}

/**
 * Verdicts of stored files already checked, in this process's memory: a derived cache (any
 * process may recompute any entry), bounded, each entry kept a limited time (a certificate may
 * expire, the trust anchors may change with a restart).
 */
export interface FileVerdictCache {
  /**
   * The verdict kept under `key`, else `compute`'s (one computation at a time for a key; the
   * others wait for it), kept when it says so.
   */
  get(key: string, compute: () => Promise<{ verdict: FileVerdict; keep: boolean }>): Promise<FileVerdict>;
}

/** A document's registry record, as far as its stored file's check depends on it. */
export interface StoredFileRef {
  id: string;
  institutionId: string;
  sha256: string;
  byteSize: number;
  status: DocumentStatus;
  revokedAt: Date | null;
  supersededBy: string | null;
}

/** A B-LTA document whose archive timestamp is due for renewal. */
export interface ArchiveDue {
  id: string;
  institutionId: string;
  sha256: string;
  byteSize: number;
  archiveUntil: Date;
}

/** The archive timestamps of B-LTA documents and their renewals. */
export interface ArchiveRenewalStore {
  /** Documents (any status) whose archive timestamp expires before `before`, soonest first. */
  listDue(before: Date, limit: number): Promise<ArchiveDue[]>;
  /**
   * Makes `to` the document's file if it still is `from` (a concurrent renewal wins otherwise) and
   * records the renewal; false when the document changed meanwhile.
   */
  renew(
    documentId: string,
    from: { sha256: string; byteSize: number },
    to: { sha256: string; byteSize: number; archiveUntil: Date },
    at: Date,
  ): Promise<boolean>;
  /** True when `sha256` is an earlier file of the document (before a renewal). */
  isEarlierFile(documentId: string, sha256: string): Promise<boolean>;
}
