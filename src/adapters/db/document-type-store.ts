import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DocumentTypeStore } from "../../core/document-types/document-types.ports.ts";
import type { DocumentType } from "../../core/document-types/document-types.types.ts";
import type { Db } from "./open-database.ts";
import { documentTypes } from "./schema.ts";
import { isUniqueViolation } from "./unique-violation.ts";

type Row = typeof documentTypes.$inferSelect;
const toDocumentType = ({ archivedAt, createdAt, updatedAt, ...r }: Row): DocumentType => ({
  ...r,
  archived: archivedAt !== null,
  archivedAt: archivedAt?.toISOString() ?? null,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

export function documentTypeStore(db: Db): DocumentTypeStore {
  const one = (institutionId: string, id: string) =>
    and(eq(documentTypes.institutionId, institutionId), eq(documentTypes.id, id));
  return {
    async list(institutionId, { includeArchived }) {
      const rows = await db
        .select()
        .from(documentTypes)
        .where(
          and(
            eq(documentTypes.institutionId, institutionId),
            includeArchived ? undefined : isNull(documentTypes.archivedAt),
          ),
        )
        .orderBy(asc(documentTypes.code));
      return rows.map(toDocumentType);
    },
    async findById(institutionId, id) {
      const [row] = await db.select().from(documentTypes).where(one(institutionId, id));
      return row ? toDocumentType(row) : null;
    },
    async create(institutionId, input) {
      try {
        const [row] = await db
          .insert(documentTypes)
          .values({ ...input, institutionId })
          .returning();
        return row ? toDocumentType(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async update(institutionId, id, patch) {
      try {
        const [row] = await db
          .update(documentTypes)
          .set({ ...patch, updatedAt: new Date() })
          .where(one(institutionId, id))
          .returning();
        return row ? toDocumentType(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return "code_taken";
        throw e;
      }
    },
    async setArchived(institutionId, id, archivedAt) {
      const [row] = await db
        .update(documentTypes)
        .set({
          // Archiving twice keeps the first date.
          archivedAt: archivedAt
            ? sql`coalesce(${documentTypes.archivedAt}, ${archivedAt.toISOString()}::timestamptz)`
            : null,
          updatedAt: new Date(),
        })
        .where(one(institutionId, id))
        .returning();
      return row ? toDocumentType(row) : null;
    },
  };
}
