import { and, eq, inArray } from "drizzle-orm";
import type { IssuanceStore } from "../../core/issuance/issuance.ports.ts";
import type { Db } from "./open-database.ts";
import { documents } from "./schema.ts";

const CHUNK = 1000;

export function issuanceStore(db: Db): IssuanceStore {
  return {
    async insertDocuments(rows) {
      const inserted = new Set<string>();
      for (let i = 0; i < rows.length; i += CHUNK) {
        const ids = await db
          .insert(documents)
          .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, status: "active" as const })))
          .onConflictDoNothing({ target: [documents.institutionId, documents.externalId] })
          .returning({ id: documents.id });
        for (const { id } of ids) inserted.add(id);
      }
      return inserted;
    },

    async findByExternalIds(institutionId, externalIds) {
      const found: { id: string; externalId: string; learnerId: string | null }[] = [];
      for (let i = 0; i < externalIds.length; i += 5000) {
        const rows = await db
          .select({ id: documents.id, externalId: documents.externalId, learnerId: documents.learnerId })
          .from(documents)
          .where(
            and(
              eq(documents.institutionId, institutionId),
              inArray(documents.externalId, externalIds.slice(i, i + 5000)),
            ),
          );
        for (const r of rows) if (r.externalId) found.push({ ...r, externalId: r.externalId });
      }
      return found;
    },
  };
}
