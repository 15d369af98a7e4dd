import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { DocumentType } from "./document-types.types.ts";

export async function getDocumentType(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<DocumentType> {
  const inst = await requireAccess(deps, actor, "institution.read", slug);
  const found = await deps.stores.documentTypes.findById(inst.id, id);
  if (!found) throw new DomainError("not_found");
  return found;
}
