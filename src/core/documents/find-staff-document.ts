import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Stores } from "../ports.ts";
import type { DocumentRecord } from "./documents.ports.ts";

/**
 * A document of the institution when the actor is its staff (or the operator); not_found otherwise,
 * whether the institution or the document exists or not.
 */
export async function findStaffDocument(
  stores: Stores,
  actor: Actor,
  slug: string,
  id: string,
): Promise<{ institution: Institution; document: DocumentRecord }> {
  const institution = await findVisibleInstitution(stores, actor, slug, "staff");
  const document = await stores.documents.findInInstitution(institution.id, id);
  if (!document) throw new DomainError("not_found");
  return { institution, document };
}
