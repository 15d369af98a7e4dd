import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { normalizeDocumentType } from "./document-type-rules.ts";
import type { DocumentType, DocumentTypeInput } from "./document-types.types.ts";

/** Adds a document type (operator or the institution's admins). */
export async function createDocumentType(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: DocumentTypeInput,
): Promise<DocumentType> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const created = await deps.stores.documentTypes.create(inst.id, normalizeDocumentType(input));
  if (!created) throw new DomainError("document_type_code_taken");
  return created;
}
