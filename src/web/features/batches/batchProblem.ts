import type { Bilingual, Locale } from "../../../core/i18n.types.ts";
import type { ManifestField } from "../../../core/issuance/issuance.types.ts";

/** One problem of a refused batch, from an API issue path `rows.<line>.<field>` or `archive.<file>`. */
export interface BatchProblem {
  /** The manifest line (the header is line 1), or null for a problem of the archive or upload. */
  line: number | null;
  /** The manifest column, "row" for the whole row, or null. */
  field: ManifestField | "row" | null;
  /** The ZIP entry, for a problem of the archive. */
  file: string | null;
  message: Bilingual;
}

const FIELDS: readonly string[] = [
  "externalId",
  "studentNumber",
  "documentType",
  "title",
  "issueDate",
  "file",
];

export function batchProblem(issue: { path: string; message: Bilingual }): BatchProblem {
  const row = /^rows\.(\d+)\.(.+)$/.exec(issue.path);
  if (row) {
    const field = row[2] ?? "";
    return {
      line: Number(row[1]),
      field: FIELDS.includes(field) ? (field as ManifestField) : "row",
      file: null,
      message: issue.message,
    };
  }
  if (issue.path.startsWith("archive.")) {
    return {
      line: null,
      field: null,
      file: issue.path.slice("archive.".length) || null,
      message: issue.message,
    };
  }
  return { line: null, field: null, file: null, message: issue.message };
}

/** The manifest's column names in English | French, as in the documentation. */
export const MANIFEST_COLUMN_NAMES: Record<ManifestField, string> = {
  externalId: "external_id",
  studentNumber: "student_number",
  documentType: "document_type",
  title: "title",
  issueDate: "issue_date",
  file: "file",
};

export const MANIFEST_COLUMN_NAMES_FR: Record<ManifestField, string> = {
  externalId: "identifiant_externe",
  studentNumber: "numero_etudiant",
  documentType: "type_document",
  title: "titre",
  issueDate: "date_emission",
  file: "fichier",
};

/** The column as the reader's language names it in a manifest, or "" for a whole row. */
export function columnName(field: BatchProblem["field"], lang: Locale): string {
  if (!field || field === "row") return "";
  return (lang === "fr" ? MANIFEST_COLUMN_NAMES_FR : MANIFEST_COLUMN_NAMES)[field];
}
