import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { isoDay } from "../dates/calendar-date.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { analyzeLearnerCsv } from "./learner-csv.ts";
import { learnerSearchText } from "./learner-rules.ts";
import type { ImportResult, LearnerInput } from "./learners.types.ts";
import { planLearnerImport } from "./plan-learner-import.ts";

/** Row problems an import refusal lists at most; one more issue then gives the total. */
export const IMPORT_ISSUES_MAX = 1000;

/**
 * Applies a learners CSV (the institution's staff): only when no row has an error, in one
 * transaction (all rows or none), with batched writes. Otherwise import_has_errors with every
 * row problem as an issue "rows.<line>.<field>" (at most 1,000, then the total).
 */
export async function importLearners(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  csv: Uint8Array,
): Promise<ImportResult> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const { columns, rows } = analyzeLearnerCsv(csv, isoDay(deps.clock.now()));
  return deps.transact(async (stores) => {
    const planned = await planLearnerImport(stores, inst.id, columns, rows);
    const issues: FieldIssue[] = [];
    let total = 0;
    for (const r of planned)
      for (const e of r.errors) {
        total++;
        if (issues.length < IMPORT_ISSUES_MAX)
          issues.push({ path: `rows.${r.line}.${e.field}`, message: e.message });
      }
    if (total > 0) {
      if (total > issues.length)
        issues.push({
          path: "rows",
          message: {
            fr: `${total - issues.length} autres erreurs non affichées (${total} au total).`,
            en: `${total - issues.length} more errors not shown (${total} in all).`,
          },
        });
      throw new DomainError("import_has_errors", { issues });
    }
    const writes: (LearnerInput & { searchText: string })[] = [];
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    for (const r of planned) {
      if (r.action === "create") result.created++;
      else if (r.action === "update") result.updated++;
      else result.unchanged++;
      if ((r.action === "create" || r.action === "update") && r.next)
        writes.push({ ...r.next, searchText: learnerSearchText(r.next) });
    }
    await stores.learners.upsertMany(inst.id, writes);
    return result;
  });
}
