import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { isoDay } from "../dates/calendar-date.ts";
import type { CoreDeps } from "../ports.ts";
import { analyzeLearnerCsv } from "./learner-csv.ts";
import type { ImportPreview, ImportRow } from "./learners.types.ts";
import { type PlannedRow, planLearnerImport } from "./plan-learner-import.ts";

/** Rows a preview returns at most; the summary always counts the whole file. */
export const PREVIEW_ROWS_MAX = 1000;

const toImportRow = (r: PlannedRow): ImportRow => ({
  line: r.line,
  action: r.action,
  values: r.values,
  errors: r.errors,
});

/** What importing this CSV would do, row by row, without writing anything (the institution's staff). */
export async function previewLearnerImport(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  csv: Uint8Array,
): Promise<ImportPreview> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const { columns, rows } = analyzeLearnerCsv(csv, isoDay(deps.clock.now()));
  const planned = await planLearnerImport(deps.stores, inst.id, columns, rows);
  return summarizeImport(columns, planned);
}

export function summarizeImport(columns: ImportPreview["columns"], planned: PlannedRow[]): ImportPreview {
  const summary = { rows: planned.length, create: 0, update: 0, unchanged: 0, error: 0, issues: 0 };
  for (const r of planned) {
    summary[r.action]++;
    summary.issues += r.errors.length;
  }
  let shown = planned;
  if (planned.length > PREVIEW_ROWS_MAX) {
    const withErrors = planned.filter((r) => r.action === "error").slice(0, PREVIEW_ROWS_MAX);
    const others = planned.filter((r) => r.action !== "error").slice(0, PREVIEW_ROWS_MAX - withErrors.length);
    shown = [...withErrors, ...others].sort((a, b) => a.line - b.line);
  }
  return { summary, rows: shown.map(toImportRow), truncated: shown.length < planned.length, columns };
}
