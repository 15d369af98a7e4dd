import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { decodeLearnerCursor, encodeLearnerCursor } from "./learner-cursor.ts";
import { foldText } from "./learner-rules.ts";
import type { LearnerPage } from "./learners.types.ts";

export const LEARNER_PAGE_MAX = 100;
/** The count stops here: counting every match of a broad search over 100,000 learners costs more than it tells. */
export const LEARNER_COUNT_CAP = 10_000;

export interface LearnerSearch {
  q?: string;
  after?: string;
  before?: string;
  limit?: number;
}

/**
 * Learners of an institution whose names, student number or emails contain `q` (case and
 * accents ignored), by family name, given name, id. Keyset pagination: `after` the last row of a
 * page or `before` its first row, never OFFSET, so every page costs the same.
 */
export async function searchLearners(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  search: LearnerSearch,
): Promise<LearnerPage> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const q = foldText(search.q ?? "")
    .trim()
    .replace(/\s+/g, " ");
  const limit = Math.min(Math.max(search.limit ?? 25, 1), LEARNER_PAGE_MAX);
  const after = search.after ? decodeLearnerCursor(search.after, "after") : null;
  const before = !after && search.before ? decodeLearnerCursor(search.before, "before") : null;
  const [{ learners, hasMore }, total] = await Promise.all([
    deps.stores.learners.search({ institutionId: inst.id, q, after, before, limit }),
    deps.stores.learners.count({ institutionId: inst.id, q, cap: LEARNER_COUNT_CAP + 1 }),
  ]);
  const first = learners[0];
  const last = learners[learners.length - 1];
  // Going backwards, "more" means more rows before; there is always a next page (where we came from).
  const hasNext = before ? learners.length > 0 : hasMore;
  const hasPrev = before ? hasMore : after !== null && learners.length > 0;
  return {
    learners,
    nextCursor: hasNext && last ? encodeLearnerCursor(last) : null,
    prevCursor: hasPrev && first ? encodeLearnerCursor(first) : null,
    total: Math.min(total, LEARNER_COUNT_CAP),
    totalCapped: total > LEARNER_COUNT_CAP,
  };
}
