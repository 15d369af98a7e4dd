import { eq } from "drizzle-orm";
import type { ThrottleStore } from "../../core/ports.ts";
import type { Db } from "./open-database.ts";
import { authThrottle } from "./schema.ts";

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
  };
}
