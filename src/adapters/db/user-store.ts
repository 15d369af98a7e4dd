import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { UserRecord, UserStore } from "../../core/accounts/accounts.ports.ts";
import type { Db } from "./open-database.ts";
import { linkedAccounts, userEmails, users } from "./schema.ts";

const normalize = (email: string) => email.trim().toLowerCase();

type Row = typeof users.$inferSelect;
export const toUserRecord = (r: Row): UserRecord => ({
  id: r.id,
  email: r.email,
  displayName: r.displayName,
  locale: r.locale === "en" ? "en" : "fr",
  passwordHash: r.passwordHash,
  status: r.status === "disabled" || r.status === "closed" ? r.status : "active",
  emailVerifiedAt: r.emailVerifiedAt,
  createdAt: r.createdAt,
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function userStore(db: Db): UserStore {
  return {
    async findById(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUserRecord(row) : null;
    },
    async findByEmail(email) {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(users.emailNormalized, normalize(email)));
      return row ? toUserRecord(row) : null;
    },
    async findByAnyVerifiedEmail(email) {
      const n = normalize(email);
      const verifiedSecondary = db
        .select({ userId: userEmails.userId })
        .from(userEmails)
        .where(and(eq(userEmails.emailNormalized, n), isNotNull(userEmails.verifiedAt)));
      const [row] = await db
        .select()
        .from(users)
        .where(or(eq(users.emailNormalized, n), inArray(users.id, verifiedSecondary)))
        .orderBy(desc(sql`${users.emailNormalized} = ${n}`))
        .limit(1);
      return row ? toUserRecord(row) : null;
    },
    async setPrimaryEmail(id, email, verifiedAt) {
      const [row] = await db
        .update(users)
        .set({
          email: email.trim(),
          emailNormalized: normalize(email),
          emailVerifiedAt: verifiedAt,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .returning();
      return row ? toUserRecord(row) : null;
    },
    async hasLinkedAccount(id) {
      const [row] = await db
        .select({ id: linkedAccounts.id })
        .from(linkedAccounts)
        .where(eq(linkedAccounts.userId, id))
        .limit(1);
      return row !== undefined;
    },
    async create(input) {
      const [row] = await db
        .insert(users)
        .values({ ...input, email: input.email.trim(), emailNormalized: normalize(input.email) })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toUserRecord(row);
    },
    async update(id, patch) {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row ? toUserRecord(row) : null;
    },
    async list({ q, offset, limit }) {
      const term = q.trim();
      const where = term
        ? or(ilike(users.email, `%${escapeLike(term)}%`), ilike(users.displayName, `%${escapeLike(term)}%`))
        : undefined;
      const rows = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.emailNormalized))
        .offset(offset)
        .limit(limit);
      const [total] = await db.select({ n: count() }).from(users).where(and(where));
      return { users: rows.map(toUserRecord), total: total?.n ?? 0 };
    },
  };
}
