import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { ApiKeyStore } from "../../core/api-keys/api-keys.ports.ts";
import type { ApiKey, ApiKeyScope } from "../../core/api-keys/api-keys.types.ts";
import type { Db } from "./open-database.ts";
import { apiKeys } from "./schema.ts";

type Row = typeof apiKeys.$inferSelect;

// The hash never leaves this file.
const toApiKey = (r: Row): ApiKey => ({
  id: r.id,
  institutionId: r.institutionId,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as ApiKeyScope[],
  createdByUserId: r.createdByUserId,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  status: r.revokedAt ? "revoked" : "active",
});

export function apiKeyStore(db: Db): ApiKeyStore {
  const one = (institutionId: string, id: string) =>
    and(eq(apiKeys.institutionId, institutionId), eq(apiKeys.id, id));
  return {
    async create({ now, ...input }) {
      const [row] = await db
        .insert(apiKeys)
        .values({ ...input, createdAt: now })
        .returning();
      if (!row) throw new Error("the API key was not stored");
      return toApiKey(row);
    },
    async list(institutionId) {
      const rows = await db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.institutionId, institutionId))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
      return rows.map(toApiKey);
    },
    async findById(institutionId, id) {
      const [row] = await db.select().from(apiKeys).where(one(institutionId, id));
      return row ? toApiKey(row) : null;
    },
    async findByHash(keyHash) {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
      return row ? toApiKey(row) : null;
    },
    async revoke(institutionId, id, now) {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(one(institutionId, id), isNull(apiKeys.revokedAt)))
        .returning();
      return row ? toApiKey(row) : null;
    },
    async touch(id, now, unlessAfter) {
      await db
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, unlessAfter))));
    },
  };
}
