import { isFormulaLike } from "../csv/csv-cell.ts";
import { cellCharacterIssue, readCsvTable, rowLengthIssue } from "../csv/read-csv-table.ts";
import type { BatchIssue, ManifestField } from "./issuance.types.ts";

export const MANIFEST_MAX_BYTES = 20 * 1024 * 1024;
export const MANIFEST_MAX_ROWS = 50_000;

const ALIASES: Record<string, ManifestField> = {
  external_id: "externalId",
  identifiant_externe: "externalId",
  student_number: "studentNumber",
  numero_etudiant: "studentNumber",
  numero_d_etudiant: "studentNumber",
  document_type: "documentType",
  type_document: "documentType",
  type_de_document: "documentType",
  title: "title",
  titre: "title",
  issue_date: "issueDate",
  date_emission: "issueDate",
  date_d_emission: "issueDate",
  file: "file",
  fichier: "file",
};

/** The column names the documentation and errors show: English | French. */
export const MANIFEST_COLUMNS: Record<ManifestField, string> = {
  externalId: "external_id | identifiant_externe",
  studentNumber: "student_number | numero_etudiant",
  documentType: "document_type | type_document",
  title: "title | titre",
  issueDate: "issue_date | date_emission",
  file: "file | fichier",
};

export interface ManifestRow {
  line: number;
  values: Record<ManifestField, string>;
}

/**
 * Reads a batch manifest (CSV, UTF-8, header in French or English, every column required).
 * File-level problems throw; each row comes back trimmed, with its own problems (row length,
 * empty, formula-like cells, or a cell holding U+0000, which comes back empty).
 */
export function readManifest(bytes: Uint8Array): { rows: ManifestRow[]; issues: BatchIssue[] } {
  const fields = Object.keys(MANIFEST_COLUMNS) as ManifestField[];
  const table = readCsvTable(bytes, {
    aliases: ALIASES,
    labels: MANIFEST_COLUMNS,
    required: fields,
    maxBytes: MANIFEST_MAX_BYTES,
    maxRows: MANIFEST_MAX_ROWS,
    nothing: { fr: "aucun document", en: "no documents" },
  });
  const rows: ManifestRow[] = [];
  const issues: BatchIssue[] = [];
  for (const record of table.records) {
    const values = {} as Record<ManifestField, string>;
    table.columns.forEach((field, i) => {
      if (field) values[field] = (record.fields[i] ?? "").trim();
    });
    const issue = (field: BatchIssue["field"], code: BatchIssue["code"], message: BatchIssue["message"]) =>
      issues.push({ line: record.line, field, file: null, code, message });
    const lengthIssue = rowLengthIssue(record, table.columns.length);
    if (lengthIssue) issue("row", "row_length", lengthIssue);
    for (const field of fields) {
      const value = values[field] ?? "";
      values[field] = value;
      const forbidden = cellCharacterIssue(record.line, MANIFEST_COLUMNS[field], value);
      if (forbidden) {
        // Left out, so that no later check looks it up in the database.
        values[field] = "";
        issue(field, "forbidden_character", forbidden);
      } else if (value === "")
        issue(field, "required", {
          fr: `Valeur manquante (colonne ${MANIFEST_COLUMNS[field]}).`,
          en: `Missing value (column ${MANIFEST_COLUMNS[field]}).`,
        });
      else if (isFormulaLike(value))
        issue(field, "formula", {
          fr: `La valeur commence par =, +, -, @ : un tableur la prendrait pour une formule (colonne ${MANIFEST_COLUMNS[field]}).`,
          en: `The value starts with =, +, -, @: a spreadsheet would take it for a formula (column ${MANIFEST_COLUMNS[field]}).`,
        });
    }
    rows.push({ line: record.line, values });
  }
  return { rows, issues };
}
