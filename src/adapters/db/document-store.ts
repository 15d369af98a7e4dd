import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DocumentRecord, DocumentStore } from "../../core/documents/documents.ports.ts";
import { foldText } from "../../core/learners/learner-rules.ts";
import type { Db } from "./open-database.ts";
import { documents, documentTypes, learners } from "./schema.ts";

type Row = typeof documents.$inferSelect;
const toRecord = ({ createdAt: _c, ...r }: Row): DocumentRecord => ({
  ...r,
  status: r.status,
});

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** created_at as exact text (microseconds, UTC): a JavaScript Date would round it and break the keyset. */
const createdAtText = sql<string>`to_char(${documents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The search: title or external id contain q (case ignored), or the learner's folded search text does. */
function matching(institutionId: string, q: string): SQL | undefined {
  if (!q) return undefined;
  const raw = `%${likeEscape(q)}%`;
  const folded = `%${likeEscape(foldText(q))}%`;
  // The learners matching q, found once through their trigram index.
  const learnerIds = sql`select ${learners.id} from ${learners} where ${learners.institutionId} = ${institutionId} and ${learners.searchText} like ${folded}`;
  return sql`(${documents.title} ilike ${raw} or ${documents.externalId} ilike ${raw} or ${documents.learnerId} in (${learnerIds}))`;
}

export function documentStore(db: Db): DocumentStore {
  const one = (institutionId: string, id: string) =>
    and(eq(documents.institutionId, institutionId), eq(documents.id, id));
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
    async findInInstitution(institutionId, id) {
      const [row] = await db.select().from(documents).where(one(institutionId, id));
      return row ? toRecord(row) : null;
    },
    async listSupersededBy(institutionId, id) {
      const rows = await db
        .select()
        .from(documents)
        .where(and(eq(documents.institutionId, institutionId), eq(documents.supersededBy, id)))
        .orderBy(desc(documents.createdAt), desc(documents.id));
      return rows.map(toRecord);
    },
    async list(query) {
      const { institutionId, after, limit } = query;
      const rows = await db
        .select({
          doc: documents,
          key: createdAtText,
          learnerNumber: learners.studentNumber,
          learnerGiven: learners.givenName,
          learnerFamily: learners.familyName,
          typeCode: documentTypes.code,
          typeFr: documentTypes.nameFr,
          typeEn: documentTypes.nameEn,
        })
        .from(documents)
        .leftJoin(learners, eq(learners.id, documents.learnerId))
        .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
        .where(
          and(
            eq(documents.institutionId, institutionId),
            matching(institutionId, query.q),
            query.status ? eq(documents.status, query.status) : undefined,
            query.documentTypeId ? eq(documents.documentTypeId, query.documentTypeId) : undefined,
            query.learnerId ? eq(documents.learnerId, query.learnerId) : undefined,
            query.batchId ? eq(documents.batchId, query.batchId) : undefined,
            after
              ? sql`(${documents.createdAt}, ${documents.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(documents.createdAt), desc(documents.id))
        .limit(limit + 1);
      return {
        hasMore: rows.length > limit,
        rows: rows.slice(0, limit).map((r) => ({
          document: toRecord(r.doc),
          key: { createdAt: r.key, id: r.doc.id },
          learner:
            r.doc.learnerId && r.learnerNumber !== null
              ? {
                  id: r.doc.learnerId,
                  studentNumber: r.learnerNumber,
                  givenName: r.learnerGiven ?? "",
                  familyName: r.learnerFamily ?? "",
                }
              : null,
          documentType:
            r.doc.documentTypeId && r.typeCode !== null
              ? { id: r.doc.documentTypeId, code: r.typeCode, nameFr: r.typeFr ?? "", nameEn: r.typeEn ?? "" }
              : null,
        })),
      };
    },
    async revoke(institutionId, id, { reason, now }) {
      const [row] = await db
        .update(documents)
        .set({ status: "revoked", revokedAt: now, revocationReason: reason })
        .where(and(one(institutionId, id), eq(documents.status, "active")))
        .returning();
      return row ? toRecord(row) : null;
    },
    async markSuperseded(institutionId, id, supersededBy) {
      const rows = await db
        .update(documents)
        .set({ status: "superseded", supersededBy })
        .where(and(one(institutionId, id), eq(documents.status, "active")))
        .returning({ id: documents.id });
      return rows.length > 0;
    },
  };
}
