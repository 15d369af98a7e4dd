import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { SessionRecord, SessionStore } from "../../core/ports.ts";
import type { Db } from "./open-database.ts";
import { sessions, users } from "./schema.ts";
import { toUserRecord } from "./user-store.ts";

type Row = typeof sessions.$inferSelect;
const toRecord = ({ tokenHash: _omit, ...r }: Row): SessionRecord => r;

export function sessionStore(db: Db): SessionStore {
  return {
    async create({ now, ...input }) {
      const [row] = await db
        .insert(sessions)
        .values({ ...input, createdAt: now, lastSeenAt: now })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async findLive(tokenHash, now) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(
          and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
        );
      return row ? toRecord(row) : null;
    },
    async findLiveWithUser(tokenHash, now) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
        );
      return row ? { session: toRecord(row.session), user: toUserRecord(row.user) } : null;
    },
    async touch(id, now) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    },
    async listLive(userId, now) {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt));
      return rows.map(toRecord);
    },
    async revoke(userId, sessionId, now) {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
    async revokeAll(userId, now, exceptSessionId) {
      const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
      if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
      await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(...conditions));
    },
  };
}
