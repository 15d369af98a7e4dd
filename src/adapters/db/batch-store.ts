import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { BatchItemRecord, BatchRecord, BatchStore } from "../../core/issuance/issuance.ports.ts";
import type { BatchItemStatus, BatchSource, BatchStatus } from "../../core/issuance/issuance.types.ts";
import type { Db } from "./open-database.ts";
import { batches, batchItems } from "./schema.ts";

const INSERT_CHUNK = 1000;

const toBatch = (r: typeof batches.$inferSelect): BatchRecord => ({
  ...r,
  source: r.source as BatchSource,
  status: r.status as BatchStatus,
});

const toItem = (r: typeof batchItems.$inferSelect): BatchItemRecord => ({
  id: r.id,
  batchId: r.batchId,
  rowNumber: r.rowNumber,
  externalId: r.externalId,
  learnerId: r.learnerId,
  documentTypeId: r.documentTypeId,
  title: r.title,
  issueDate: r.issueDate,
  fileName: r.fileName,
  sourceSha256: r.sourceSha256,
  status: r.status as BatchItemStatus,
  documentId: r.documentId,
  errorCode: r.errorCode,
});

const emptyCounts = (): Record<BatchItemStatus, number> => ({ pending: 0, issued: 0, skipped: 0, failed: 0 });

export function batchStore(db: Db): BatchStore {
  return {
    async create(batch, items, now) {
      const [row] = await db
        .insert(batches)
        .values({ ...batch, createdAt: now })
        .returning();
      if (!row) throw new Error("insert returned no row");
      for (let i = 0; i < items.length; i += INSERT_CHUNK)
        await db
          .insert(batchItems)
          .values(
            items.slice(i, i + INSERT_CHUNK).map((item) => ({ ...item, batchId: row.id, updatedAt: now })),
          );
      return toBatch(row);
    },

    async findById(institutionId, id) {
      const [row] = await db
        .select()
        .from(batches)
        .where(and(eq(batches.id, id), eq(batches.institutionId, institutionId)));
      return row ? toBatch(row) : null;
    },

    async list(institutionId, limit) {
      const rows = await db
        .select()
        .from(batches)
        .where(eq(batches.institutionId, institutionId))
        .orderBy(desc(batches.createdAt), desc(batches.id))
        .limit(limit);
      return rows.map(toBatch);
    },

    async counts(batchIds) {
      const result = new Map<string, Record<BatchItemStatus, number>>();
      for (const id of batchIds) result.set(id, emptyCounts());
      if (batchIds.length === 0) return result;
      const rows = await db
        .select({ batchId: batchItems.batchId, status: batchItems.status, n: sql<number>`count(*)::int` })
        .from(batchItems)
        .where(inArray(batchItems.batchId, batchIds))
        .groupBy(batchItems.batchId, batchItems.status);
      for (const r of rows) {
        const counts = result.get(r.batchId);
        if (counts) counts[r.status as BatchItemStatus] = r.n;
      }
      return result;
    },

    async pendingItems(batchId, limit) {
      const rows = await db
        .select()
        .from(batchItems)
        .where(and(eq(batchItems.batchId, batchId), eq(batchItems.status, "pending")))
        .orderBy(asc(batchItems.rowNumber))
        .limit(limit);
      return rows.map(toItem);
    },

    async items(batchId, query) {
      const rows = await db
        .select()
        .from(batchItems)
        .where(
          and(
            eq(batchItems.batchId, batchId),
            query.status ? eq(batchItems.status, query.status) : undefined,
            gt(batchItems.rowNumber, query.afterRow),
          ),
        )
        .orderBy(asc(batchItems.rowNumber))
        .limit(query.limit);
      return rows.map(toItem);
    },

    async settleItems(results, now) {
      if (results.length === 0) return;
      // One statement for the whole chunk: update … from (values …).
      const values = sql.join(
        results.map((r) => sql`(${r.id}::uuid, ${r.status}, ${r.documentId}::uuid, ${r.errorCode})`),
        sql`, `,
      );
      await db.execute(sql`
        update ${batchItems} set status = v.status, document_id = v.document_id, error_code = v.error_code,
          updated_at = ${now}
        from (values ${values}) as v(id, status, document_id, error_code)
        where ${batchItems.id} = v.id and ${batchItems.status} = 'pending'`);
    },

    async setStatus(id, status, now) {
      await db
        .update(batches)
        .set({
          status,
          ...(status === "running" ? { startedAt: now } : {}),
          ...(status === "done" ? { finishedAt: now } : {}),
        })
        .where(eq(batches.id, id));
    },

    async releasableSources(institutionId, batchId) {
      const rows = await db.execute(sql`
        select distinct i.source_sha256 as sha from ${batchItems} i
        where i.batch_id = ${batchId}
          and not exists (
            select 1 from ${batchItems} p join ${batches} b on b.id = p.batch_id
            where b.institution_id = ${institutionId} and p.status = 'pending'
              and p.source_sha256 = i.source_sha256)`);
      return (rows as unknown as { rows: { sha: string }[] }).rows.map((r) => r.sha);
    },

    async pendingExternalIds(institutionId, externalIds) {
      const found = new Set<string>();
      for (let i = 0; i < externalIds.length; i += 5000) {
        const rows = await db
          .select({ externalId: batchItems.externalId })
          .from(batchItems)
          .innerJoin(batches, eq(batches.id, batchItems.batchId))
          .where(
            and(
              eq(batches.institutionId, institutionId),
              eq(batchItems.status, "pending"),
              inArray(batchItems.externalId, externalIds.slice(i, i + 5000)),
            ),
          );
        for (const r of rows) found.add(r.externalId);
      }
      return found;
    },
  };
}
