import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { LearnerStore } from "../../core/learners/learners.ports.ts";
import type { Learner } from "../../core/learners/learners.types.ts";
import type { Db } from "./open-database.ts";
import { learners } from "./schema.ts";

type Row = typeof learners.$inferSelect;
const toLearner = (r: Row): Learner => ({
  id: r.id,
  institutionId: r.institutionId,
  studentNumber: r.studentNumber,
  givenName: r.givenName,
  familyName: r.familyName,
  dateOfBirth: r.dateOfBirth,
  institutionalEmail: r.institutionalEmail,
  personalEmail: r.personalEmail,
  locale: r.locale === "en" ? "en" : "fr",
  hasAccount: r.userId !== null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

/** Rows per INSERT … ON CONFLICT statement (10 parameters a row, far below PostgreSQL's 65,535). */
const UPSERT_CHUNK = 1000;

const matching = (institutionId: string, q: string): SQL | undefined =>
  and(
    eq(learners.institutionId, institutionId),
    // search_text is already folded (lower case, no accents); LIKE '%term%' uses the trigram index.
    q ? sql`${learners.searchText} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  );

const orderKey = sql`(${learners.familyName}, ${learners.givenName}, ${learners.id})`;

export function learnerStore(db: Db): LearnerStore {
  return {
    async create(institutionId, input) {
      try {
        const [row] = await db
          .insert(learners)
          .values({ ...input, institutionId })
          .returning();
        return row ? toLearner(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async update(institutionId, id, input) {
      try {
        const [row] = await db
          .update(learners)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(learners.institutionId, institutionId), eq(learners.id, id)))
          .returning();
        return row ? toLearner(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return "student_number_taken";
        throw e;
      }
    },
    async findById(institutionId, id) {
      const [row] = await db
        .select()
        .from(learners)
        .where(and(eq(learners.institutionId, institutionId), eq(learners.id, id)));
      return row ? toLearner(row) : null;
    },
    async findByStudentNumbers(institutionId, studentNumbers) {
      if (studentNumbers.length === 0) return [];
      const rows = await db
        .select()
        .from(learners)
        .where(
          and(eq(learners.institutionId, institutionId), inArray(learners.studentNumber, studentNumbers)),
        );
      return rows.map(toLearner);
    },
    async search({ institutionId, q, after, before, limit }) {
      const key = after ?? before;
      const cursor = key
        ? sql`${orderKey} ${sql.raw(after ? ">" : "<")} (${key.familyName}, ${key.givenName}, ${key.id}::uuid)`
        : undefined;
      const dir = before ? desc : asc;
      const rows = await db
        .select()
        .from(learners)
        .where(and(matching(institutionId, q), cursor))
        .orderBy(dir(learners.familyName), dir(learners.givenName), dir(learners.id))
        .limit(limit + 1);
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit);
      if (before) page.reverse();
      return { learners: page.map(toLearner), hasMore };
    },
    async count({ institutionId, q, cap }) {
      const capped = db
        .select({ one: sql`1` })
        .from(learners)
        .where(matching(institutionId, q))
        .limit(cap)
        .as("capped");
      const [row] = await db.select({ n: count() }).from(capped);
      return row?.n ?? 0;
    },
    async upsertMany(institutionId, rows) {
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
        await db
          .insert(learners)
          .values(rows.slice(i, i + UPSERT_CHUNK).map((r) => ({ ...r, institutionId })))
          .onConflictDoUpdate({
            target: [learners.institutionId, learners.studentNumber],
            set: {
              givenName: sql`excluded.given_name`,
              familyName: sql`excluded.family_name`,
              dateOfBirth: sql`excluded.date_of_birth`,
              institutionalEmail: sql`excluded.institutional_email`,
              personalEmail: sql`excluded.personal_email`,
              locale: sql`excluded.locale`,
              searchText: sql`excluded.search_text`,
              updatedAt: sql`now()`,
            },
          });
      }
    },
    async findByEmail(institutionId, email) {
      const e = email.trim().toLowerCase();
      const rows = await db
        .select()
        .from(learners)
        .where(
          and(
            eq(learners.institutionId, institutionId),
            or(
              sql`lower(${learners.institutionalEmail}) = ${e}`,
              sql`lower(${learners.personalEmail}) = ${e}`,
            ),
          ),
        )
        .orderBy(asc(learners.id))
        .limit(10);
      return rows.map(toLearner);
    },
    async linkedUserId(learnerId) {
      const [row] = await db
        .select({ userId: learners.userId })
        .from(learners)
        .where(eq(learners.id, learnerId));
      return row?.userId ?? null;
    },
    async unlinkUser(learnerId, userId) {
      const rows = await db
        .update(learners)
        .set({ userId: null, updatedAt: sql`now()` })
        .where(and(eq(learners.id, learnerId), eq(learners.userId, userId)))
        .returning({ id: learners.id });
      return rows.length > 0;
    },
    async linkUser(learnerId, userId) {
      const rows = await db
        .update(learners)
        .set({ userId, updatedAt: sql`now()` })
        .where(and(eq(learners.id, learnerId), isNull(learners.userId)))
        .returning({ id: learners.id });
      return rows.length > 0;
    },
  };
}
