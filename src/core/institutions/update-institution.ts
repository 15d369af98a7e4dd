import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findVisibleInstitution } from "./find-visible-institution.ts";
import { normalizeInstitution, normalizeSigningSettings } from "./institution-rules.ts";
import type { Institution, InstitutionInput, InstitutionSigningSettings } from "./institutions.types.ts";

export async function updateInstitution(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  patch: Partial<Omit<InstitutionInput, "slug">> & InstitutionSigningSettings,
): Promise<Institution> {
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "admin");
  const updated = await deps.stores.institutions.update(inst.id, {
    ...normalizeInstitution(patch),
    ...normalizeSigningSettings(patch),
  });
  if (!updated) throw new DomainError("not_found");
  return updated;
}
