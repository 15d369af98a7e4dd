import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { DocumentType } from "./document-types.types.ts";

/**
 * Archives a document type (no new documents of this type; existing ones keep it), or restores it.
 * Document types are never deleted: issued documents refer to them.
 */
export async function archiveDocumentType(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  archived: boolean,
): Promise<DocumentType> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const updated = await deps.stores.documentTypes.setArchived(
    inst.id,
    id,
    archived ? deps.clock.now() : null,
  );
  if (!updated) throw new DomainError("not_found");
  return updated;
}
