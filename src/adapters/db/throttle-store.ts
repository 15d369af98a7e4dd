import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { ThrottleRecord, ThrottleStore } from "../../core/accounts/accounts.ports.ts";
import type { Db } from "./open-database.ts";
import { authThrottle } from "./schema.ts";

/** The row is exactly `r` (timestamps are written from JavaScript dates: millisecond precision). */
const isExactly = (r: ThrottleRecord): SQL =>
  and(
    eq(authThrottle.key, r.key),
    eq(authThrottle.failures, r.failures),
    eq(authThrottle.lastFailureAt, r.lastFailureAt),
    r.lockedUntil ? eq(authThrottle.lockedUntil, r.lockedUntil) : isNull(authThrottle.lockedUntil),
  ) as SQL;

export function throttleStore(db: Db): ThrottleStore {
  return {
    async get(key) {
      const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
      return row ?? null;
    },
    async put(record) {
      await db
        .insert(authThrottle)
        .values(record)
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: {
            failures: record.failures,
            lastFailureAt: record.lastFailureAt,
            lockedUntil: record.lockedUntil,
          },
        });
    },
    async clear(key) {
      await db.delete(authThrottle).where(eq(authThrottle.key, key));
    },
    async swap(key, expected, next) {
      if (!expected) {
        if (!next) return (await this.get(key)) === null;
        const rows = await db
          .insert(authThrottle)
          .values({ ...next, key })
          .onConflictDoNothing()
          .returning({ key: authThrottle.key });
        return rows.length > 0;
      }
      const where = isExactly({ ...expected, key });
      const rows = next
        ? await db
            .update(authThrottle)
            .set({
              failures: next.failures,
              lastFailureAt: next.lastFailureAt,
              lockedUntil: next.lockedUntil,
            })
            .where(where)
            .returning({ key: authThrottle.key })
        : await db.delete(authThrottle).where(where).returning({ key: authThrottle.key });
      return rows.length > 0;
    },
  };
}
