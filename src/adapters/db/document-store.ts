import { eq } from "drizzle-orm";
import type { DocumentRecord, DocumentStatus, DocumentStore } from "../../core/ports.ts";
import type { Db } from "./open-database.ts";
import { documents } from "./schema.ts";

type Row = typeof documents.$inferSelect;
const toRecord = ({ createdAt: _c, ...r }: Row): DocumentRecord => ({
  ...r,
  status: r.status as DocumentStatus,
});

export function documentStore(db: Db): DocumentStore {
  return {
    async create(input) {
      const [row] = await db.insert(documents).values(input).returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async findBySha256(sha256) {
      const [row] = await db.select().from(documents).where(eq(documents.sha256, sha256)).limit(1);
      return row ? toRecord(row) : null;
    },
    async findById(id) {
      const [row] = await db.select().from(documents).where(eq(documents.id, id));
      return row ? toRecord(row) : null;
    },
  };
}
