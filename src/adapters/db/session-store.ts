import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { MembershipRecord, SessionRecord, SessionStore } from "../../core/accounts/accounts.ports.ts";
import type { Role } from "../../core/accounts/accounts.types.ts";
import type { Db } from "./open-database.ts";
import { memberships, sessions, users } from "./schema.ts";
import { toUserRecord } from "./user-store.ts";

type Row = typeof sessions.$inferSelect;
const toRecord = ({ tokenHash: _omit, ...r }: Row): SessionRecord => r;

/**
 * Every signed-in request's look-up, prepared: the live session by token hash, its user and the
 * user's memberships (as JSON), in one statement.
 */
const signedInQuery = (db: Db) =>
  db
    .select({
      session: sessions,
      user: users,
      memberships: sql<(Omit<MembershipRecord, "role"> & { role: string })[]>`(
        select coalesce(json_agg(json_build_object(
          'id', m.id, 'userId', m.user_id, 'role', m.role,
          'institutionId', m.institution_id, 'organizationId', m.organization_id
        ) order by m.created_at), '[]'::json)
        from ${memberships} m where m.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("signed_in_by_token_hash");

export function sessionStore(db: Db): SessionStore {
  let signedIn: ReturnType<typeof signedInQuery> | null = null;
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
    async findSignedIn(tokenHash, now) {
      signedIn ??= signedInQuery(db);
      const [row] = await signedIn.execute({ tokenHash, now });
      return row
        ? {
            session: toRecord(row.session),
            user: toUserRecord(row.user),
            memberships: row.memberships.map((m) => ({ ...m, role: m.role as Role })),
          }
        : null;
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
