import { can } from "../access/can.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { Institution } from "./institutions.types.ts";

/** The operator sees every institution; staff (and an API key) see their own. */
export async function listInstitutions(deps: CoreDeps, actor: Actor): Promise<Institution[]> {
  if (can(actor, "portal.operate")) return deps.stores.institutions.listAll();
  const ids = [...new Set(actor.memberships.flatMap((m) => (m.institutionId ? [m.institutionId] : [])))];
  return deps.stores.institutions.listByIds(ids);
}
