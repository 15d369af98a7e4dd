import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { DocumentRecord } from "./documents.ports.ts";

/**
 * A document of the institution when the actor holds the permission there (its staff, the operator,
 * its API key); not_found otherwise, whether the institution or the document exists or not.
 */
export async function findStaffDocument(
  deps: Pick<CoreDeps, "stores">,
  actor: Actor,
  permission: "documents.read" | "documents.revoke",
  slug: string,
  id: string,
): Promise<{ institution: Institution; document: DocumentRecord }> {
  const institution = await requireAccess(deps, actor, permission, slug);
  const document = await deps.stores.documents.findInInstitution(institution.id, id);
  if (!document) throw new DomainError("not_found");
  return { institution, document };
}
