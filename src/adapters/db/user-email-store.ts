import { and, asc, eq, isNull } from "drizzle-orm";
import type { UserEmailRecord, UserEmailStore } from "../../core/accounts/accounts.ports.ts";
import { UUID_PATTERN } from "../../core/ids.ts";
import type { Db } from "./open-database.ts";
import { userEmails } from "./schema.ts";

const normalize = (email: string) => email.trim().toLowerCase();

type Row = typeof userEmails.$inferSelect;
const toRecord = (r: Row): UserEmailRecord => ({
  id: r.id,
  userId: r.userId,
  email: r.email,
  verifiedAt: r.verifiedAt,
  createdAt: r.createdAt,
});

export function userEmailStore(db: Db): UserEmailStore {
  return {
    async listForUser(userId) {
      const rows = await db
        .select()
        .from(userEmails)
        .where(eq(userEmails.userId, userId))
        .orderBy(asc(userEmails.createdAt), asc(userEmails.id));
      return rows.map(toRecord);
    },
    async findForUser(userId, id) {
      if (!UUID_PATTERN.test(id)) return null;
      const [row] = await db
        .select()
        .from(userEmails)
        .where(and(eq(userEmails.id, id), eq(userEmails.userId, userId)));
      return row ? toRecord(row) : null;
    },
    async findByEmail(email) {
      const [row] = await db
        .select()
        .from(userEmails)
        .where(eq(userEmails.emailNormalized, normalize(email)));
      return row ? toRecord(row) : null;
    },
    async add({ userId, email, verifiedAt, now }) {
      const rows = await db
        .insert(userEmails)
        .values({
          userId,
          email: email.trim(),
          emailNormalized: normalize(email),
          verifiedAt: verifiedAt ?? null,
          createdAt: now,
        })
        .onConflictDoNothing({ target: userEmails.emailNormalized })
        .returning();
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async markVerified(userId, id, now) {
      if (!UUID_PATTERN.test(id)) return null;
      const [row] = await db
        .update(userEmails)
        .set({ verifiedAt: now })
        .where(and(eq(userEmails.id, id), eq(userEmails.userId, userId), isNull(userEmails.verifiedAt)))
        .returning();
      return row ? toRecord(row) : null;
    },
    async remove(userId, id) {
      if (!UUID_PATTERN.test(id)) return false;
      const rows = await db
        .delete(userEmails)
        .where(and(eq(userEmails.id, id), eq(userEmails.userId, userId)))
        .returning({ id: userEmails.id });
      return rows.length > 0;
    },
  };
}
