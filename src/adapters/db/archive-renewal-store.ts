import { and, asc, eq, isNotNull, lt } from "drizzle-orm";
import type { ArchiveRenewalStore } from "../../core/documents/documents.ports.ts";
import type { Db } from "./open-database.ts";
import { documentArchiveRenewals, documents } from "./schema.ts";

export function archiveRenewalStore(db: Db): ArchiveRenewalStore {
  return {
    async listDue(before, limit) {
      const rows = await db
        .select({
          id: documents.id,
          institutionId: documents.institutionId,
          sha256: documents.sha256,
          byteSize: documents.byteSize,
          archiveUntil: documents.archiveUntil,
        })
        .from(documents)
        .where(and(isNotNull(documents.archiveUntil), lt(documents.archiveUntil, before)))
        .orderBy(asc(documents.archiveUntil), asc(documents.id))
        .limit(limit);
      return rows.flatMap((r) => (r.archiveUntil ? [{ ...r, archiveUntil: r.archiveUntil }] : []));
    },

    async renew(documentId, from, to, at) {
      return db.transaction(async (tx) => {
        const changed = await tx
          .update(documents)
          .set({ sha256: to.sha256, byteSize: to.byteSize, archiveUntil: to.archiveUntil })
          .where(and(eq(documents.id, documentId), eq(documents.sha256, from.sha256)))
          .returning({ id: documents.id });
        if (changed.length === 0) return false;
        await tx.insert(documentArchiveRenewals).values({
          documentId,
          previousSha256: from.sha256,
          previousByteSize: from.byteSize,
          sha256: to.sha256,
          byteSize: to.byteSize,
          archiveUntil: to.archiveUntil,
          renewedAt: at,
        });
        return true;
      });
    },

    async isEarlierFile(documentId, sha256) {
      const [row] = await db
        .select({ id: documentArchiveRenewals.id })
        .from(documentArchiveRenewals)
        .where(
          and(
            eq(documentArchiveRenewals.documentId, documentId),
            eq(documentArchiveRenewals.previousSha256, sha256),
          ),
        )
        .limit(1);
      return row !== undefined;
    },
  };
}
