import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { findVisibleInstitution } from "./find-visible-institution.ts";
import type { Institution } from "./institutions.types.ts";

export const getInstitution = (deps: CoreDeps, actor: Actor, slug: string): Promise<Institution> =>
  findVisibleInstitution(deps.stores, actor, slug, "staff");
