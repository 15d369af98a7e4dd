import { and, eq, isNull } from "drizzle-orm";
import type { OneTimeTokenRecord, OneTimeTokenStore } from "../../core/accounts/accounts.ports.ts";
import type { Db } from "./open-database.ts";
import { oneTimeTokens } from "./schema.ts";

export function oneTimeTokenStore(db: Db): OneTimeTokenStore {
  return {
    async create(input) {
      await db.insert(oneTimeTokens).values(input);
    },
    async findByHash(tokenHash) {
      const [row] = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.tokenHash, tokenHash));
      if (!row) return null;
      return {
        id: row.id,
        purpose: row.purpose as OneTimeTokenRecord["purpose"],
        userId: row.userId,
        expiresAt: row.expiresAt,
        usedAt: row.usedAt,
      };
    },
    async consume(id, now) {
      const rows = await db
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt)))
        .returning({ id: oneTimeTokens.id });
      return rows.length > 0;
    },
    async voidAll(userId, purpose, now) {
      await db
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(oneTimeTokens.userId, userId),
            eq(oneTimeTokens.purpose, purpose),
            isNull(oneTimeTokens.usedAt),
          ),
        );
    },
  };
}
