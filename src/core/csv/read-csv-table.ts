import { DomainError } from "../errors.ts";
import { hasForbiddenCharacter } from "../forbidden-characters.ts";
import type { Bilingual } from "../i18n.types.ts";
import { type CsvRecord, decodeUtf8, parseCsv } from "./parse-csv.ts";

/** What a CSV import expects: its columns (by folded name), which are required, and its limits. */
export interface CsvTableSpec<F extends string> {
  /** Folded column name (lower case, no accents, "_" for spaces, hyphens and apostrophes) → field. */
  aliases: Record<string, F>;
  /** How the documentation shows each field's column names, e.g. "student_number | numero_etudiant". */
  labels: Record<F, string>;
  required: F[];
  maxBytes: number;
  maxRows: number;
  /** What the file holds, for the "no rows" message: e.g. {fr: "aucune personne étudiante", en: "no learners"}. */
  nothing: Bilingual;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[\s'’-]+/g, "_");

const fileError = (message: Bilingual) =>
  new DomainError("csv_invalid", { issues: [{ path: "file", message }] });

/**
 * Reads a CSV file with a header row: UTF-8 (BOM allowed), columns named in French or English
 * (case, accents, spaces and hyphens ignored). File-level problems throw csv_not_utf8 or
 * csv_invalid with every header problem at once; rows are returned as read.
 */
export function readCsvTable<F extends string>(
  bytes: Uint8Array,
  spec: CsvTableSpec<F>,
): { columns: (F | undefined)[]; records: CsvRecord[] } {
  if (bytes.byteLength > spec.maxBytes) throw new DomainError("payload_too_large");
  const decoded = decodeUtf8(bytes);
  if (decoded === null) throw new DomainError("csv_not_utf8");
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const parsed = parseCsv(text, spec.maxRows + 1);
  if (!parsed.ok) {
    if (parsed.problem === "too_many_records")
      throw fileError({
        fr: `Le fichier dépasse ${spec.maxRows.toLocaleString("fr-CA")} lignes. Divisez-le en plusieurs fichiers.`,
        en: `The file has more than ${spec.maxRows.toLocaleString("en-CA")} rows. Split it into several files.`,
      });
    throw fileError({
      fr: `CSV mal formé à la ligne ${parsed.line} : guillemet ${parsed.problem === "unclosed_quote" ? "non fermé" : "mal placé"}.`,
      en: `Malformed CSV at line ${parsed.line}: ${parsed.problem === "unclosed_quote" ? "unclosed" : "misplaced"} quote.`,
    });
  }
  const [header, ...records] = parsed.records;
  if (!header)
    throw fileError({
      fr: "Le fichier est vide : il faut une ligne d'en-tête puis les lignes de données.",
      en: "The file is empty: it needs a header row, then the data rows.",
    });
  const columns: (F | undefined)[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const name of header.fields) {
    const field = spec.aliases[fold(name)];
    if (!field) unknown.push(name.trim() || "(vide/empty)");
    else if (columns.includes(field)) duplicated.push(name.trim());
    columns.push(field && !columns.includes(field) ? field : undefined);
  }
  const missing = spec.required.filter((f) => !columns.includes(f));
  const accepted = Object.values<string>(spec.labels).join(", ");
  const issues: { path: string; message: Bilingual }[] = [];
  if (unknown.length > 0)
    issues.push({
      path: "header",
      message: {
        fr: `Colonnes inconnues : ${unknown.join(", ")}. Colonnes acceptées : ${accepted}.`,
        en: `Unknown columns: ${unknown.join(", ")}. Accepted columns: ${accepted}.`,
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
  if (missing.length > 0) {
    const names = missing.map((f) => spec.labels[f]).join(", ");
    issues.push({
      path: "header",
      message: {
        fr: `Colonnes obligatoires manquantes : ${names}.`,
        en: `Missing required columns: ${names}.`,
      },
    });
  }
  if (issues.length > 0) throw new DomainError("csv_invalid", { issues });
  if (records.length === 0)
    throw fileError({
      fr: `Le fichier ne contient ${spec.nothing.fr} (seulement l'en-tête).`,
      en: `The file contains ${spec.nothing.en} (only the header).`,
    });
  return { columns, records };
}

/** The "N values instead of M" problem of a row whose length differs from the header's. */
export function rowLengthIssue(record: CsvRecord, columnCount: number): Bilingual | null {
  if (record.fields.length === columnCount) return null;
  return {
    fr: `${record.fields.length} valeurs au lieu de ${columnCount} (une par colonne de l'en-tête).`,
    en: `${record.fields.length} values instead of ${columnCount} (one per header column).`,
  };
}

/**
 * The problem of a cell holding U+0000 (the UTF-8 decoding already refused anything else PostgreSQL
 * cannot store), naming its line and column. Every CSV reader checks its cells with it and leaves
 * such a value out, so a preview reports the cell and the import that follows refuses the same file.
 */
export function cellCharacterIssue(line: number, column: string, value: string): Bilingual | null {
  if (!hasForbiddenCharacter(value)) return null;
  return {
    fr: `Ligne ${line}, colonne ${column} : caractère interdit (le caractère nul, U+0000). Retirez-le du fichier.`,
    en: `Line ${line}, column ${column}: forbidden character (the null character, U+0000). Remove it from the file.`,
  };
}
