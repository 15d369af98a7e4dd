import { decodeUtf8, parseCsv } from "../csv/parse-csv.ts";
import { DomainError } from "../errors.ts";
import type { Bilingual } from "../i18n.types.ts";
import { foldText, normalizeLearner, type RawLearner } from "./learner-rules.ts";
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

const columnKey = (name: string) =>
  foldText(name)
    .trim()
    .replace(/[\s'’-]+/g, "_");

const fileError = (message: Bilingual) =>
  new DomainError("csv_invalid", { issues: [{ path: "file", message }] });

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
  if (bytes.byteLength > LEARNER_CSV_MAX_BYTES) throw new DomainError("payload_too_large");
  const decoded = decodeUtf8(bytes);
  if (decoded === null) throw new DomainError("csv_not_utf8");
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const parsed = parseCsv(text, LEARNER_CSV_MAX_ROWS + 1);
  if (!parsed.ok) {
    if (parsed.problem === "too_many_records")
      throw fileError({
        fr: `Le fichier dépasse ${LEARNER_CSV_MAX_ROWS.toLocaleString("fr-CA")} lignes. Divisez-le en plusieurs fichiers.`,
        en: `The file has more than ${LEARNER_CSV_MAX_ROWS.toLocaleString("en-CA")} rows. Split it into several files.`,
      });
    throw fileError({
      fr: `CSV mal formé à la ligne ${parsed.line} : guillemet ${parsed.problem === "unclosed_quote" ? "non fermé" : "mal placé"}.`,
      en: `Malformed CSV at line ${parsed.line}: ${parsed.problem === "unclosed_quote" ? "unclosed" : "misplaced"} quote.`,
    });
  }
  const [header, ...records] = parsed.records;
  if (!header)
    throw fileError({
      fr: "Le fichier est vide : il faut une ligne d'en-tête puis une ligne par personne étudiante.",
      en: "The file is empty: it needs a header row, then one row per learner.",
    });
  const columns: LearnerField[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const name of header.fields) {
    const field = COLUMN_ALIASES[columnKey(name)];
    if (!field) unknown.push(name.trim() || "(vide/empty)");
    else if (columns.includes(field)) duplicated.push(name.trim());
    else columns.push(field);
    if (!field) columns.push(undefined as unknown as LearnerField);
  }
  const missing = REQUIRED_COLUMNS.filter((f) => !columns.includes(f));
  const issues: { path: string; message: Bilingual }[] = [];
  if (unknown.length > 0)
    issues.push({
      path: "header",
      message: {
        fr: `Colonnes inconnues : ${unknown.join(", ")}. Colonnes acceptées : ${Object.values(COLUMN_LABELS).join(", ")}.`,
        en: `Unknown columns: ${unknown.join(", ")}. Accepted columns: ${Object.values(COLUMN_LABELS).join(", ")}.`,
      },
    });
  if (duplicated.length > 0)
    issues.push({
      path: "header",
      message: {
        fr: `Colonnes en double : ${duplicated.join(", ")}.`,
        en: `Duplicate columns: ${duplicated.join(", ")}.`,
      },
    });
  if (missing.length > 0)
    issues.push({
      path: "header",
      message: {
        fr: `Colonnes obligatoires manquantes : ${missing.map((f) => COLUMN_LABELS[f]).join(", ")}.`,
        en: `Missing required columns: ${missing.map((f) => COLUMN_LABELS[f]).join(", ")}.`,
      },
    });
  if (issues.length > 0) throw new DomainError("csv_invalid", { issues });
  if (records.length === 0)
    throw fileError({
      fr: "Le fichier ne contient aucune personne étudiante (seulement l'en-tête).",
      en: "The file contains no learners (only the header).",
    });

  const rows: AnalyzedRow[] = [];
  for (const record of records) {
    const values: Partial<Record<LearnerField, string>> = {};
    const raw: RawLearner = {};
    columns.forEach((field, i) => {
      const v = record.fields[i] ?? "";
      values[field] = v.trim();
      raw[field] = v;
    });
    const { value, issues: fieldIssues } = normalizeLearner(raw, today);
    const errors: ImportRowIssue[] = fieldIssues.map((i) => ({
      field: i.path as LearnerField,
      message: i.message,
    }));
    if (record.fields.length !== columns.length)
      errors.unshift({
        field: "row",
        message: {
          fr: `${record.fields.length} valeurs au lieu de ${columns.length} (une par colonne de l'en-tête).`,
          en: `${record.fields.length} values instead of ${columns.length} (one per header column).`,
        },
      });
    rows.push({ line: record.line, values, clean: value, errors });
  }
  return { columns, rows };
}
