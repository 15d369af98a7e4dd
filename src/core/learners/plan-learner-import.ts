import type { Stores } from "../ports.ts";
import type { AnalyzedRow } from "./learner-csv.ts";
import { sameLearner } from "./learner-rules.ts";
import type { ImportAction, Learner, LearnerField, LearnerInput } from "./learners.types.ts";

export interface PlannedRow extends AnalyzedRow {
  action: ImportAction;
  /** The learner as it will be after the import (create or update). */
  next: LearnerInput | null;
}

const LOOKUP_CHUNK = 5000;

/**
 * Decides what each row does: create (new student number), update (known and different),
 * unchanged, or error. Columns absent from the file keep the learner's current values.
 */
export async function planLearnerImport(
  stores: Stores,
  institutionId: string,
  columns: LearnerField[],
  rows: AnalyzedRow[],
): Promise<PlannedRow[]> {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const n = row.clean.studentNumber;
    if (!n) continue;
    const first = firstLine.get(n);
    if (first === undefined) firstLine.set(n, row.line);
    else
      row.errors.push({
        field: "studentNumber",
        message: {
          fr: `Numéro d'étudiant en double : déjà à la ligne ${first}.`,
          en: `Duplicate student number: already on line ${first}.`,
        },
      });
  }
  const existing = new Map<string, Learner>();
  const numbers = [...firstLine.keys()];
  for (let i = 0; i < numbers.length; i += LOOKUP_CHUNK) {
    for (const l of await stores.learners.findByStudentNumbers(
      institutionId,
      numbers.slice(i, i + LOOKUP_CHUNK),
    ))
      existing.set(l.studentNumber, l);
  }
  const has = (f: LearnerField) => columns.includes(f);
  return rows.map((row) => {
    if (row.errors.length > 0) return { ...row, action: "error", next: null };
    const c = row.clean;
    const current = existing.get(c.studentNumber as string);
    const next: LearnerInput = {
      studentNumber: c.studentNumber as string,
      givenName: c.givenName as string,
      familyName: c.familyName as string,
      dateOfBirth: has("dateOfBirth") ? (c.dateOfBirth ?? null) : (current?.dateOfBirth ?? null),
      institutionalEmail: has("institutionalEmail")
        ? (c.institutionalEmail ?? null)
        : (current?.institutionalEmail ?? null),
      personalEmail: has("personalEmail") ? (c.personalEmail ?? null) : (current?.personalEmail ?? null),
      locale: has("locale") ? (c.locale ?? "fr") : (current?.locale ?? "fr"),
    };
    const action: ImportAction = !current ? "create" : sameLearner(current, next) ? "unchanged" : "update";
    return { ...row, action, next };
  });
}
