import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { Institution } from "./institutions.types.ts";

export const getInstitution = (deps: CoreDeps, actor: Actor, slug: string): Promise<Institution> =>
  requireAccess(deps, actor, "institution.read", slug);
