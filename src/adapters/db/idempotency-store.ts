import { and, eq, lt } from "drizzle-orm";
import type { IdempotencyStore } from "../../core/api-keys/api-keys.ports.ts";
import type { Db } from "./open-database.ts";
import { idempotencyKeys } from "./schema.ts";

const IN_PROGRESS = 0;

export function idempotencyStore(db: Db): IdempotencyStore {
  const one = (owner: string, key: string) =>
    and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key));
  return {
    async find(owner, key) {
      const [row] = await db.select().from(idempotencyKeys).where(one(owner, key));
      return row
        ? {
            owner: row.owner,
            key: row.key,
            requestHash: row.requestHash,
            statusCode: row.statusCode,
            responseBody: row.responseBody,
            createdAt: row.createdAt,
          }
        : null;
    },
    async reserve(owner, key, requestHash, now) {
      const rows = await db
        .insert(idempotencyKeys)
        .values({ owner, key, requestHash, statusCode: IN_PROGRESS, responseBody: {}, createdAt: now })
        .onConflictDoNothing({ target: [idempotencyKeys.owner, idempotencyKeys.key] })
        .returning({ id: idempotencyKeys.id });
      return rows.length === 1;
    },
    async complete(owner, key, statusCode, responseBody) {
      await db.update(idempotencyKeys).set({ statusCode, responseBody }).where(one(owner, key));
    },
    async release(owner, key) {
      await db.delete(idempotencyKeys).where(one(owner, key));
    },
    async purge(createdBefore) {
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, createdBefore));
    },
  };
}
