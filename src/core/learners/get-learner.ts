import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { CoreDeps } from "../ports.ts";
import type { Learner } from "./learners.types.ts";

export async function getLearner(deps: CoreDeps, actor: Actor, slug: string, id: string): Promise<Learner> {
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "staff");
  const learner = await deps.stores.learners.findById(inst.id, id);
  if (!learner) throw new DomainError("not_found");
  return learner;
}
