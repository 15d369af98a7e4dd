import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { isoDay } from "../dates/calendar-date.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { learnerSearchText, normalizeLearner } from "./learner-rules.ts";
import type { Learner, LearnerInput } from "./learners.types.ts";

/** Edits a learner record (the institution's staff); fields left out keep their value. */
export async function updateLearner(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  patch: Partial<LearnerInput>,
): Promise<Learner> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const current = await deps.stores.learners.findById(inst.id, id);
  if (!current) throw new DomainError("not_found");
  const { value, issues } = normalizeLearner(patch, isoDay(deps.clock.now()));
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  const next: LearnerInput = {
    studentNumber: value.studentNumber ?? current.studentNumber,
    givenName: value.givenName ?? current.givenName,
    familyName: value.familyName ?? current.familyName,
    dateOfBirth: value.dateOfBirth !== undefined ? value.dateOfBirth : current.dateOfBirth,
    institutionalEmail:
      value.institutionalEmail !== undefined ? value.institutionalEmail : current.institutionalEmail,
    personalEmail: value.personalEmail !== undefined ? value.personalEmail : current.personalEmail,
    locale: value.locale ?? current.locale,
  };
  const updated = await deps.stores.learners.update(inst.id, id, {
    ...next,
    searchText: learnerSearchText(next),
  });
  if (updated === "student_number_taken") throw new DomainError("student_number_taken");
  if (!updated) throw new DomainError("not_found");
  return updated;
}
