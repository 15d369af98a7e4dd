import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { normalizeDocumentType } from "./document-type-rules.ts";
import type { DocumentType, DocumentTypeInput } from "./document-types.types.ts";

/** Edits a document type (operator or the institution's admins). */
export async function updateDocumentType(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  patch: Partial<DocumentTypeInput>,
): Promise<DocumentType> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const updated = await deps.stores.documentTypes.update(inst.id, id, normalizeDocumentType(patch));
  if (updated === "code_taken") throw new DomainError("document_type_code_taken");
  if (!updated) throw new DomainError("not_found");
  return updated;
}
