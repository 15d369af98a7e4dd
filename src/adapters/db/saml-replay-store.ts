import { lte } from "drizzle-orm";
import type { SamlReplayStore } from "../../core/sign-on/sign-on.ports.ts";
import type { Db } from "./open-database.ts";
import { samlAssertionsSeen } from "./schema.ts";

export function samlReplayStore(db: Db): SamlReplayStore {
  return {
    async remember(idHash, expiresAt, now) {
      // Rows live only as long as their assertion could still pass the time checks: a few minutes.
      await db.delete(samlAssertionsSeen).where(lte(samlAssertionsSeen.expiresAt, now));
      const inserted = await db
        .insert(samlAssertionsSeen)
        .values({ idHash, expiresAt })
        .onConflictDoNothing()
        .returning({ idHash: samlAssertionsSeen.idHash });
      return inserted.length === 1;
    },
    async purgeExpired(now) {
      const rows = await db
        .delete(samlAssertionsSeen)
        .where(lte(samlAssertionsSeen.expiresAt, now))
        .returning({ idHash: samlAssertionsSeen.idHash });
      return rows.length;
    },
  };
}
