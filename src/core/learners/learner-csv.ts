import { cellCharacterIssue, readCsvTable, rowLengthIssue } from "../csv/read-csv-table.ts";
import { normalizeLearner, type RawLearner } from "./learner-rules.ts";
import type { ImportRowIssue, LearnerField, LearnerInput } from "./learners.types.ts";

export const LEARNER_CSV_MAX_BYTES = 5 * 1024 * 1024;
export const LEARNER_CSV_MAX_ROWS = 50_000;

/** Accepted column names (French or English; case, accents, spaces and hyphens ignored). */
const COLUMN_ALIASES: Record<string, LearnerField> = {
  student_number: "studentNumber",
  numero_etudiant: "studentNumber",
  numero_d_etudiant: "studentNumber",
  given_name: "givenName",
  first_name: "givenName",
  prenom: "givenName",
  family_name: "familyName",
  last_name: "familyName",
  nom: "familyName",
  nom_de_famille: "familyName",
  date_of_birth: "dateOfBirth",
  date_naissance: "dateOfBirth",
  date_de_naissance: "dateOfBirth",
  institutional_email: "institutionalEmail",
  courriel_institutionnel: "institutionalEmail",
  personal_email: "personalEmail",
  courriel_personnel: "personalEmail",
  language: "locale",
  langue: "locale",
  locale: "locale",
};
export const REQUIRED_COLUMNS: LearnerField[] = ["studentNumber", "givenName", "familyName"];
/** The column names the documentation and error messages show: English | French. */
const COLUMN_LABELS: Record<LearnerField, string> = {
  studentNumber: "student_number | numero_etudiant",
  givenName: "given_name | prenom",
  familyName: "family_name | nom",
  dateOfBirth: "date_of_birth | date_naissance",
  institutionalEmail: "institutional_email | courriel_institutionnel",
  personalEmail: "personal_email | courriel_personnel",
  locale: "language | langue",
};

/** One data row as read: its line, raw values by field, clean values and problems. */
export interface AnalyzedRow {
  line: number;
  values: Partial<Record<LearnerField, string>>;
  clean: Partial<LearnerInput>;
  errors: ImportRowIssue[];
}

/**
 * Reads a learners CSV: UTF-8 (BOM allowed), a header row naming the columns in French or English,
 * then one learner per row. File-level problems throw (csv_not_utf8, csv_invalid); row problems are
 * returned with their row. Writes nothing.
 */
export function analyzeLearnerCsv(
  bytes: Uint8Array,
  today: string,
): { columns: LearnerField[]; rows: AnalyzedRow[] } {
  const table = readCsvTable(bytes, {
    aliases: COLUMN_ALIASES,
    labels: COLUMN_LABELS,
    required: REQUIRED_COLUMNS,
    maxBytes: LEARNER_CSV_MAX_BYTES,
    maxRows: LEARNER_CSV_MAX_ROWS,
    nothing: { fr: "aucune personne étudiante", en: "no learners" },
  });
  // readCsvTable throws on an unknown column, so every column here is a known field.
  const columns = table.columns as LearnerField[];
  const records = table.records;
  const rows: AnalyzedRow[] = [];
  for (const record of records) {
    const values: Partial<Record<LearnerField, string>> = {};
    const raw: RawLearner = {};
    const errors: ImportRowIssue[] = [];
    columns.forEach((field, i) => {
      const v = record.fields[i] ?? "";
      values[field] = v.trim();
      const forbidden = cellCharacterIssue(record.line, COLUMN_LABELS[field], v);
      // Left out of the checks and of the clean values: nothing looks it up or stores it.
      if (forbidden) errors.push({ field, message: forbidden });
      else raw[field] = v;
    });
    const { value, issues: fieldIssues } = normalizeLearner(raw, today);
    for (const i of fieldIssues) errors.push({ field: i.path as LearnerField, message: i.message });
    const lengthIssue = rowLengthIssue(record, columns.length);
    if (lengthIssue) errors.unshift({ field: "row", message: lengthIssue });
    rows.push({ line: record.line, values, clean: value, errors });
  }
  return { columns, rows };
}
