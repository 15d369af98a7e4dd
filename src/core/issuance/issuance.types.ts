import type { Bilingual } from "../i18n.types.ts";

export type BatchStatus = "queued" | "running" | "done";
export type BatchItemStatus = "pending" | "issued" | "skipped" | "failed";
export type BatchSource = "web" | "api" | "cli";

/** A manifest column: what each row of a batch says. */
export type ManifestField = "externalId" | "studentNumber" | "documentType" | "title" | "issueDate" | "file";

/** One problem found while validating a batch: a manifest row (line), a ZIP entry (file) or the whole upload. */
export interface BatchIssue {
  /** Manifest line (1-based, the header is line 1), or null for a file-level problem. */
  line: number | null;
  field: ManifestField | "row" | "archive" | null;
  /** The ZIP entry concerned, when there is one. */
  file: string | null;
  code: BatchIssueCode;
  message: Bilingual;
}

export type BatchIssueCode =
  | "required"
  | "too_long"
  | "formula"
  | "forbidden_character"
  | "row_length"
  | "duplicate_external_id"
  | "already_issued_other_learner"
  | "learner_unknown"
  | "document_type_unknown"
  | "document_type_archived"
  | "bad_date"
  | "future_date"
  | "file_missing"
  | "file_unused"
  | "file_reused"
  | "file_unsafe_name"
  | "file_too_large"
  | "file_not_pdf"
  | "file_encrypted"
  | "file_unreadable"
  | "archive_invalid"
  | "archive_too_large"
  | "archive_too_many_files";

export interface Batch {
  id: string;
  institutionId: string;
  createdBy: string;
  source: BatchSource;
  manifestName: string;
  status: BatchStatus;
  total: number;
  counts: Record<BatchItemStatus, number>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface BatchItem {
  id: string;
  rowNumber: number;
  externalId: string;
  learnerId: string;
  title: string;
  fileName: string;
  status: BatchItemStatus;
  documentId: string | null;
  errorCode: string | null;
}

/** What validating an upload found: nothing is written unless issues is empty. */
export interface BatchValidation {
  rows: number;
  /** Rows whose external id was issued before (they are skipped, not issued again). */
  alreadyIssued: number;
  issues: BatchIssue[];
}
