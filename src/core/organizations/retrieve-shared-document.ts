import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { checkStoredFile } from "../documents/check-stored-file.ts";
import { isIssuedFile } from "../documents/file-verdict.ts";
import { fileNameFor } from "../documents/read-document-file.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * The signed original of a document in a share the organization received, for its staff, while
 * the share is live and allows downloads, and only when the stored file verifies as the document
 * the institution issued (shared_file_not_issued otherwise). Each retrieval is recorded as a share event (kind
 * 'retrieved', with the organization and the person) so the learner's history shows it.
 */
export async function retrieveSharedDocument(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: { shareId: string; documentId: string; userAgent: string | null },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const org = await requireAccess(deps, actor, "organization.inbox", slug);
  const record = await deps.stores.organizationInbox.find(org.id, input.shareId);
  const live = record && !record.revokedAt && record.expiresAt > deps.clock.now() && record.downloadAllowed;
  const listed = live ? record.documents.some((d) => d.id === input.documentId) : false;
  const document = listed ? await deps.stores.documents.findById(input.documentId) : null;
  if (!document) throw new DomainError("not_found");
  const bytes = await deps.blobs.get(document.institutionId, document.sha256);
  // Only the very file the institution issued for this document leaves the portal.
  if (!isIssuedFile(await checkStoredFile(deps, document, bytes)))
    throw new DomainError("shared_file_not_issued");
  await deps.stores.organizationInbox.recordRetrieval({
    shareId: input.shareId,
    documentId: document.id,
    organizationId: org.id,
    userId: actor.user.id,
    ip: actor.ip,
    userAgent: input.userAgent,
  });
  return { bytes, fileName: fileNameFor(document.title, document.id) };
}
