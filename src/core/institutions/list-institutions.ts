import { type Actor, isOperator } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { Institution } from "./institutions.types.ts";

/** The operator sees every institution; staff see their own. */
export async function listInstitutions(deps: CoreDeps, actor: Actor): Promise<Institution[]> {
  if (isOperator(actor)) return deps.stores.institutions.listAll();
  const ids = [...new Set(actor.memberships.flatMap((m) => (m.institutionId ? [m.institutionId] : [])))];
  return deps.stores.institutions.listByIds(ids);
}
