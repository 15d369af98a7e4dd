import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Batch, BatchItem, BatchItemStatus } from "./issuance.types.ts";
import { presentBatch } from "./present-batch.ts";

/** A batch with its counts (done / failed / remaining), for staff of its institution. */
export async function getBatch(deps: CoreDeps, actor: Actor, slug: string, id: string): Promise<Batch> {
  const institution = await requireAccess(deps, actor, "documents.read", slug);
  const batch = await deps.stores.batches.findById(institution.id, id);
  if (!batch) throw new DomainError("not_found");
  const counts = (await deps.stores.batches.counts([id])).get(id);
  return presentBatch(batch, counts ?? { pending: 0, issued: 0, skipped: 0, failed: 0 });
}

/** The institution's latest batches, newest first. */
export async function listBatches(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  limit: number,
): Promise<Batch[]> {
  const institution = await requireAccess(deps, actor, "documents.read", slug);
  const batches = await deps.stores.batches.list(institution.id, limit);
  const counts = await deps.stores.batches.counts(batches.map((b) => b.id));
  return batches.map((b) =>
    presentBatch(b, counts.get(b.id) ?? { pending: 0, issued: 0, skipped: 0, failed: 0 }),
  );
}

/** A page of a batch's rows in manifest order, optionally of one status. */
export async function listBatchItems(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  query: { status?: BatchItemStatus; afterRow: number; limit: number },
): Promise<BatchItem[]> {
  const institution = await requireAccess(deps, actor, "documents.read", slug);
  if (!(await deps.stores.batches.findById(institution.id, id))) throw new DomainError("not_found");
  const items = await deps.stores.batches.items(id, query);
  return items.map((i) => ({
    id: i.id,
    rowNumber: i.rowNumber,
    externalId: i.externalId,
    learnerId: i.learnerId,
    title: i.title,
    fileName: i.fileName,
    status: i.status,
    documentId: i.documentId,
    errorCode: i.errorCode,
  }));
}
