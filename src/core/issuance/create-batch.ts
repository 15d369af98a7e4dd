import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { type AuditWho, byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import { QUEUES } from "../jobs/queues.ts";
import type { CoreDeps } from "../ports.ts";
import type { Batch, BatchIssue, BatchSource, BatchValidation } from "./issuance.types.ts";
import { presentBatch } from "./present-batch.ts";
import { validateBatch } from "./validate-batch.ts";

/** Where a batch problem is, as an error issue path: rows.<line>.<field> or archive.<file>. */
export const issuePath = (i: BatchIssue): string =>
  i.line !== null ? `rows.${i.line}.${i.field ?? "row"}` : `archive.${i.file ?? ""}`;

/**
 * Validates a manifest and its ZIP as a whole, then (unless it is a dry run) stores the PDFs and
 * creates the batch and its job, in one transaction. Any problem: batch_has_errors with every
 * problem, and nothing written. Rows issued before (same external id, same learner) are left out,
 * so uploading the same batch again creates nothing: batch is then null.
 */
export function createBatchForStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: BatchUpload,
): Promise<{ validation: BatchValidation; batch: Batch | null }> {
  return requireAccess(deps, actor, "documents.issue", slug).then((institution) =>
    createBatch(deps, byActor(actor), institution, input),
  );
}

export interface BatchUpload {
  manifest: Uint8Array;
  manifestName: string;
  zip: Uint8Array;
  source: BatchSource;
  dryRun?: boolean;
}

/** {@link createBatchForStaff} without the access check: for `sceau issue` (the server's operator). */
export async function createBatch(
  deps: CoreDeps,
  who: AuditWho,
  institution: Institution,
  input: BatchUpload,
): Promise<{ validation: BatchValidation; batch: Batch | null }> {
  const plan = await validateBatch(deps, institution.id, input.manifest, input.zip);
  const validation: BatchValidation = {
    rows: plan.items.length + plan.alreadyIssued,
    alreadyIssued: plan.alreadyIssued,
    issues: plan.issues,
  };
  if (plan.issues.length > 0)
    throw new DomainError("batch_has_errors", {
      issues: plan.issues.map((i) => ({ path: issuePath(i), message: i.message })),
    });
  if (input.dryRun || plan.items.length === 0) return { validation, batch: null };

  // The PDFs wait in the blob store (encrypted, by hash) until the worker signs them.
  const staged = new Map<number, string>();
  for (let i = 0; i < plan.items.length; i += 16)
    await Promise.all(
      plan.items.slice(i, i + 16).map(async (item) => {
        staged.set(item.line, await deps.blobs.put(institution.id, item.pdf));
      }),
    );
  const record = await deps.transact(async (stores) => {
    const now = deps.clock.now();
    const batch = await stores.batches.create(
      {
        institutionId: institution.id,
        createdByUserId: who.actorUserId,
        createdByLabel: who.actorLabel,
        source: input.source,
        manifestName: input.manifestName.slice(0, 255),
        total: plan.items.length,
      },
      plan.items.map((item) => ({
        rowNumber: item.line,
        externalId: item.externalId,
        learnerId: item.learnerId,
        documentTypeId: item.documentTypeId,
        title: item.title,
        issueDate: item.issueDate,
        fileName: item.fileName,
        sourceSha256: staged.get(item.line) as string,
      })),
      now,
    );
    await stores.jobs.enqueue(
      {
        queue: QUEUES.runBatch,
        payload: { batchId: batch.id, institutionId: institution.id },
        singletonKey: `batch:${batch.id}`,
        maxAttempts: 10,
      },
      now,
    );
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: "batch.created",
      targetType: "batch",
      targetId: batch.id,
      details: { manifest: batch.manifestName, total: batch.total, alreadyIssued: plan.alreadyIssued },
    });
    return batch;
  });
  return {
    validation,
    batch: presentBatch(record, { pending: record.total, issued: 0, skipped: 0, failed: 0 }),
  };
}
