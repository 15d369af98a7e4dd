import type { AuditWho } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { isDomainError } from "../errors.ts";
import { isLastAttempt, type JobHandler } from "../jobs/job-handler.ts";
import type { CoreDeps } from "../ports.ts";
import { signingIdentityFor, signPdf } from "../signing/sign-document.ts";
import type { BatchItemRecord, NewIssuedDocument } from "./issuance.ports.ts";
import { recordIssuedDocuments } from "./record-issued-documents.ts";

/** Rows signed, then recorded in one transaction. */
const CHUNK = 100;

type Settled = Parameters<CoreDeps["stores"]["batches"]["settleItems"]>[0][number];

/**
 * Job: issues a batch's pending rows, a chunk at a time. Each chunk's documents, audit events,
 * mail jobs and row statuses are written in one transaction, so a crash loses at most the chunk
 * in progress (its rows stay pending and are signed again) and never issues a row twice (the
 * external id is unique). A row that cannot be signed fails alone; the others go on.
 */
export const runBatch: JobHandler = async (deps, { job, heartbeat }) => {
  const { stores } = deps;
  const institutionId = String(job.payload.institutionId);
  const batch = await stores.batches.findById(institutionId, String(job.payload.batchId));
  const institution = await stores.institutions.findById(institutionId);
  if (!batch || !institution || batch.status === "done") return;
  if (batch.status === "queued") await stores.batches.setStatus(batch.id, "running", deps.clock.now());
  const who: AuditWho = { actorUserId: batch.createdByUserId, actorLabel: batch.createdByLabel, ip: null };
  try {
    const identity = await signingIdentityFor(deps, institution, who);
    for (;;) {
      const items = await stores.batches.pendingItems(batch.id, CHUNK);
      if (items.length === 0) break;
      const settled: Settled[] = [];
      const docs: (NewIssuedDocument & { itemId: string })[] = [];
      // Reads and writes overlap the signing (the blob store's I/O runs beside the CPU work).
      const sources = items.map((item) => deps.blobs.get(institutionId, item.sourceSha256));
      const writes: Promise<void>[] = [];
      for (const [i, item] of items.entries()) {
        try {
          const source = await (sources[i] as Promise<Uint8Array>);
          const { document, signed } = await signItem(deps, institution, identity, item, batch.id, source);
          writes.push(
            deps.blobs.put(institutionId, signed).then(() => {
              docs.push({ ...document, itemId: item.id });
            }),
          );
        } catch (error) {
          settled.push({
            id: item.id,
            status: "failed",
            documentId: null,
            errorCode: isDomainError(error) ? error.code : "internal",
          });
        }
      }
      await Promise.all(writes);
      await deps.transact(async (tx) => {
        const inserted = await recordIssuedDocuments(deps, tx, who, { notify: true }, docs);
        const clashes = docs.filter((d) => !inserted.has(d.id));
        const earlier = new Map(
          (
            await tx.issuance.findByExternalIds(
              institutionId,
              clashes.map((d) => d.externalId as string),
            )
          ).map((d) => [d.externalId, d.id]),
        );
        for (const d of docs)
          settled.push(
            inserted.has(d.id)
              ? { id: d.itemId, status: "issued", documentId: d.id, errorCode: null }
              : {
                  id: d.itemId,
                  status: "skipped",
                  documentId: earlier.get(d.externalId as string) ?? null,
                  errorCode: "already_issued",
                },
          );
        await tx.batches.settleItems(settled, deps.clock.now());
      });
      await heartbeat();
    }
  } catch (error) {
    if (!isLastAttempt(job)) throw error;
    // Out of attempts (e.g. no signing certificate): the remaining rows fail, visibly.
    const code = isDomainError(error) ? error.code : "internal";
    for (;;) {
      const left = await stores.batches.pendingItems(batch.id, 1000);
      if (left.length === 0) break;
      await stores.batches.settleItems(
        left.map((i) => ({ id: i.id, status: "failed", documentId: null, errorCode: code })),
        deps.clock.now(),
      );
    }
  }
  // The unsigned sources are not kept once no pending row needs them (the signed files are).
  for (const sha of await stores.batches.releasableSources(institutionId, batch.id))
    await deps.blobs.delete(institutionId, sha);
  await deps.transact(async (tx) => {
    await tx.batches.setStatus(batch.id, "done", deps.clock.now());
    const counts = (await tx.batches.counts([batch.id])).get(batch.id);
    await recordAudit(deps, tx, who, {
      institutionId,
      action: "batch.finished",
      targetType: "batch",
      targetId: batch.id,
      details: { ...counts },
    });
  });
};

async function signItem(
  deps: CoreDeps,
  institution: Parameters<typeof signPdf>[1],
  identity: Parameters<typeof signPdf>[2],
  item: BatchItemRecord,
  batchId: string,
  source: Uint8Array,
): Promise<{ document: NewIssuedDocument; signed: Uint8Array }> {
  const id = deps.newId();
  const signedAt = deps.clock.now();
  const { bytes: signed, archiveUntil } = await signPdf(deps, institution, identity, source, {
    id,
    signedAt,
  });
  return {
    signed,
    document: {
      id,
      institutionId: institution.id,
      learnerId: item.learnerId,
      documentTypeId: item.documentTypeId,
      title: item.title,
      issueDate: item.issueDate,
      externalId: item.externalId,
      batchId,
      sha256: deps.pdf.sha256(signed),
      byteSize: signed.byteLength,
      signingIdentityId: identity.id,
      signedAt,
      archiveUntil,
    },
  };
}
