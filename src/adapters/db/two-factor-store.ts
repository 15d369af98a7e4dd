import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { TwoFactorStore } from "../../core/two-factor/two-factor.ports.ts";
import type { Db } from "./open-database.ts";
import { recoveryCodes, userTotp } from "./schema.ts";

export function twoFactorStore(db: Db): TwoFactorStore {
  return {
    async find(userId) {
      const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
      if (!row) return null;
      return {
        userId: row.userId,
        sealedSecret: new Uint8Array(row.sealedSecret),
        enabledAt: row.enabledAt,
        lastStep: row.lastStep,
      };
    },
    async savePending(userId, sealedSecret) {
      const rows = await db
        .insert(userTotp)
        .values({ userId, sealedSecret })
        .onConflictDoUpdate({
          target: userTotp.userId,
          set: { sealedSecret, lastStep: null },
          setWhere: isNull(userTotp.enabledAt),
        })
        .returning({ userId: userTotp.userId });
      return rows.length > 0;
    },
    async enable(userId, step, now) {
      const rows = await db
        .update(userTotp)
        .set({ enabledAt: now, lastStep: step })
        .where(and(eq(userTotp.userId, userId), isNull(userTotp.enabledAt)))
        .returning({ userId: userTotp.userId });
      return rows.length > 0;
    },
    async acceptStep(userId, step) {
      const rows = await db
        .update(userTotp)
        .set({ lastStep: step })
        .where(
          and(
            eq(userTotp.userId, userId),
            isNotNull(userTotp.enabledAt),
            or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step)),
          ),
        )
        .returning({ userId: userTotp.userId });
      return rows.length > 0;
    },
    async remove(userId) {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await db.delete(userTotp).where(eq(userTotp.userId, userId));
    },
    async replaceRecoveryCodes(userId, codeHashes) {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (codeHashes.length > 0)
        await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
    },
    async consumeRecoveryCode(userId, codeHash, now) {
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            eq(recoveryCodes.codeHash, codeHash),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      return rows.length > 0;
    },
    async countUnusedRecoveryCodes(userId) {
      const [row] = await db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },
  };
}
