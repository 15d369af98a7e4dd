import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { SsoTransactionRecord, SsoTransactionStore } from "../../core/sign-on/sign-on.ports.ts";
import type { SignOnPurpose } from "../../core/sign-on/sign-on.types.ts";
import type { Db } from "./open-database.ts";
import { ssoTransactions } from "./schema.ts";

type Row = typeof ssoTransactions.$inferSelect;

const toRecord = (r: Row): SsoTransactionRecord => ({ ...r, purpose: r.purpose as SignOnPurpose });

export function ssoTransactionStore(db: Db): SsoTransactionStore {
  return {
    async create(input, now) {
      const [row] = await db
        .insert(ssoTransactions)
        .values({ ...input, createdAt: now })
        .returning();
      if (!row) throw new Error("the sign-on transaction was not stored");
      return toRecord(row);
    },
    async findByStateHash(stateHash) {
      const [row] = await db.select().from(ssoTransactions).where(eq(ssoTransactions.stateHash, stateHash));
      return row ? toRecord(row) : null;
    },
    async consume(id, now) {
      const rows = await db
        .update(ssoTransactions)
        .set({ usedAt: now })
        .where(
          and(eq(ssoTransactions.id, id), isNull(ssoTransactions.usedAt), gt(ssoTransactions.expiresAt, now)),
        )
        .returning({ id: ssoTransactions.id });
      return rows.length > 0;
    },
    async purgeExpired(before) {
      await db.delete(ssoTransactions).where(lt(ssoTransactions.expiresAt, before));
    },
  };
}
