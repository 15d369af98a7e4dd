import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { DocumentType } from "./document-types.types.ts";

/** The institution's document types (staff: admins and issuers), archived ones only on request. */
export async function listDocumentTypes(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  options: { includeArchived: boolean },
): Promise<DocumentType[]> {
  const inst = await requireAccess(deps, actor, "institution.read", slug);
  return deps.stores.documentTypes.list(inst.id, options);
}
