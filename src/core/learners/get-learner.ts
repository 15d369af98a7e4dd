import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Learner } from "./learners.types.ts";

export async function getLearner(deps: CoreDeps, actor: Actor, slug: string, id: string): Promise<Learner> {
  const inst = await requireAccess(deps, actor, "learners.manage", slug);
  const learner = await deps.stores.learners.findById(inst.id, id);
  if (!learner) throw new DomainError("not_found");
  return learner;
}
