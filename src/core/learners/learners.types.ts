import type { Bilingual, Locale } from "../i18n.types.ts";

/** An institution's record of a student or graduate. */
export interface Learner {
  id: string;
  institutionId: string;
  /** Unique within the institution; 1 to 32 characters. */
  studentNumber: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD, or null. */
  dateOfBirth: string | null;
  institutionalEmail: string | null;
  personalEmail: string | null;
  locale: Locale;
  /** True once the learner has linked a user account. */
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LearnerInput {
  studentNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  institutionalEmail: string | null;
  personalEmail: string | null;
  locale: Locale;
}

/** One page of a search, ordered by family name, given name, id. Cursors are opaque. */
export interface LearnerPage {
  learners: Learner[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` for the previous page; null on the first page. */
  prevCursor: string | null;
  /** Matching learners, counted up to `totalCapped` limit. */
  total: number;
  /** True when there are more than `total` matches (the count stops at 10,000). */
  totalCapped: boolean;
}

export type LearnerField = keyof LearnerInput;

/** What a CSV import would do to one row. */
export type ImportAction = "create" | "update" | "unchanged" | "error";

export interface ImportRowIssue {
  /** The column (as a LearnerInput field name), or "row" for the whole row. */
  field: LearnerField | "row";
  message: Bilingual;
}

export interface ImportRow {
  /** The line of the file where the row starts (the header is line 1). */
  line: number;
  action: ImportAction;
  /** The values as read from the file (trimmed), by field. */
  values: Partial<Record<LearnerField, string>>;
  errors: ImportRowIssue[];
}

export interface ImportPreview {
  /** Counts over the whole file. */
  summary: { rows: number; create: number; update: number; unchanged: number; error: number; issues: number };
  /** Up to 1,000 rows: every row of a small file; for a large one, rows with errors first. */
  rows: ImportRow[];
  /** True when `rows` does not hold every row of the file. */
  truncated: boolean;
  /** The columns found in the header, as field names. */
  columns: LearnerField[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
