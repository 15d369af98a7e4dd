import type { BatchItemStatus, BatchSource, BatchStatus } from "./issuance.types.ts";

/** One file read out of an uploaded ZIP archive. */
export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ArchiveLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

/**
 * Reads a ZIP archive defensively: entries with an unsafe name (absolute, "..", backslashes,
 * control characters), encrypted or over the size limit are reported, not read; the declared
 * sizes are enforced while inflating (no ZIP bomb). Throws DomainError "archive_invalid" for a
 * file that is not a readable ZIP, "archive_too_large" past the limits.
 */
export interface ZipReader {
  read(
    zip: Uint8Array,
    limits: ArchiveLimits,
  ): Promise<{
    entries: ArchiveEntry[];
    problems: { file: string; code: "file_unsafe_name" | "file_too_large" | "file_unreadable" }[];
  }>;
}

export interface BatchItemRecord {
  id: string;
  batchId: string;
  rowNumber: number;
  externalId: string;
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  fileName: string;
  sourceSha256: string;
  status: BatchItemStatus;
  documentId: string | null;
  errorCode: string | null;
}

export interface BatchRecord {
  id: string;
  institutionId: string;
  createdByUserId: string | null;
  createdByLabel: string;
  source: BatchSource;
  manifestName: string;
  status: BatchStatus;
  total: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface BatchStore {
  create(
    batch: Omit<BatchRecord, "id" | "status" | "startedAt" | "finishedAt" | "createdAt">,
    items: Omit<BatchItemRecord, "id" | "batchId" | "status" | "documentId" | "errorCode">[],
    now: Date,
  ): Promise<BatchRecord>;
  findById(institutionId: string, id: string): Promise<BatchRecord | null>;
  /** Newest first. */
  list(institutionId: string, limit: number): Promise<BatchRecord[]>;
  counts(batchIds: string[]): Promise<Map<string, Record<BatchItemStatus, number>>>;
  /** Pending items in row order. */
  pendingItems(batchId: string, limit: number): Promise<BatchItemRecord[]>;
  items(
    batchId: string,
    query: { status?: BatchItemStatus; afterRow: number; limit: number },
  ): Promise<BatchItemRecord[]>;
  settleItems(
    results: {
      id: string;
      status: Exclude<BatchItemStatus, "pending">;
      documentId: string | null;
      errorCode: string | null;
    }[],
    now: Date,
  ): Promise<void>;
  setStatus(id: string, status: BatchStatus, now: Date): Promise<void>;
  /** The sources (SHA-256) of a batch's rows that no pending row of the institution still needs. */
  releasableSources(institutionId: string, batchId: string): Promise<string[]>;
  /** External ids among these that wait in a pending item of any of the institution's batches. */
  pendingExternalIds(institutionId: string, externalIds: string[]): Promise<Set<string>>;
}

export interface NewIssuedDocument {
  id: string;
  institutionId: string;
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  externalId: string | null;
  batchId: string | null;
  /** PAdES B-LTA: when its archive timestamp expires. */
  archiveUntil?: Date | null;
  sha256: string;
  byteSize: number;
  signingIdentityId: string;
  signedAt: Date;
}

/** Issued documents, by their institution-chosen external ids. */
export interface IssuanceStore {
  /** Inserts the documents whose external id is new; returns the ids inserted (the others are left alone). */
  insertDocuments(rows: NewIssuedDocument[]): Promise<Set<string>>;
  findByExternalIds(
    institutionId: string,
    externalIds: string[],
  ): Promise<{ id: string; externalId: string; learnerId: string | null }[]>;
}
