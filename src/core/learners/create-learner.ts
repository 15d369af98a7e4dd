import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { isoDay } from "../dates/calendar-date.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { learnerSearchText, normalizeLearner } from "./learner-rules.ts";
import type { Learner, LearnerInput } from "./learners.types.ts";

/** Adds a learner record (the institution's staff: admins and issuers). */
export async function createLearner(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: LearnerInput,
): Promise<Learner> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const { value, issues } = normalizeLearner(input, isoDay(deps.clock.now()));
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  const clean = value as LearnerInput;
  const created = await deps.stores.learners.create(inst.id, {
    ...clean,
    searchText: learnerSearchText(clean),
  });
  if (!created) throw new DomainError("student_number_taken");
  return created;
}
