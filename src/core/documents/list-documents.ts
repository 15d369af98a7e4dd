import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { decodeDocumentCursor, encodeDocumentCursor } from "./document-cursor.ts";
import type { DocumentFilter, DocumentPage } from "./documents.types.ts";
import { toDocumentSummary } from "./to-document-summary.ts";

export const DOCUMENT_PAGE_MAX = 100;

/**
 * The institution's registry, newest first (staff), filtered by text, status, type, learner or
 * batch. Keyset pagination (`cursor` is the previous page's nextCursor), never OFFSET, so every
 * page costs the same over 100,000 documents.
 */
export async function listDocuments(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  query: DocumentFilter & { cursor?: string; limit?: number },
): Promise<DocumentPage> {
  const inst = await requireAccess(deps, actor, "documents.read", slug);
  const limit = Math.min(Math.max(query.limit ?? 25, 1), DOCUMENT_PAGE_MAX);
  const after = query.cursor ? decodeDocumentCursor(query.cursor, "cursor") : null;
  const { rows, hasMore } = await deps.stores.documents.list({
    institutionId: inst.id,
    q: (query.q ?? "").trim().replace(/\s+/g, " "),
    ...(query.status ? { status: query.status } : {}),
    ...(query.documentTypeId ? { documentTypeId: query.documentTypeId } : {}),
    ...(query.learnerId ? { learnerId: query.learnerId } : {}),
    ...(query.batchId ? { batchId: query.batchId } : {}),
    after,
    limit,
  });
  const last = rows[rows.length - 1];
  return {
    documents: rows.map((r) => toDocumentSummary(r.document, r.learner, r.documentType)),
    nextCursor: hasMore && last ? encodeDocumentCursor(last.key) : null,
  };
}
