import type { BatchRecord } from "./issuance.ports.ts";
import type { Batch, BatchItemStatus } from "./issuance.types.ts";

export const presentBatch = (b: BatchRecord, counts: Record<BatchItemStatus, number>): Batch => ({
  id: b.id,
  institutionId: b.institutionId,
  createdBy: b.createdByLabel,
  source: b.source,
  manifestName: b.manifestName,
  status: b.status,
  total: b.total,
  counts,
  createdAt: b.createdAt.toISOString(),
  startedAt: b.startedAt?.toISOString() ?? null,
  finishedAt: b.finishedAt?.toISOString() ?? null,
});
