import { desc, eq } from "drizzle-orm";
import type { OcspSignerRecord, OcspSignerStore } from "../../core/signing/revocation.ports.ts";
import type { Db } from "./open-database.ts";
import { ocspSigners } from "./schema.ts";

type Row = typeof ocspSigners.$inferSelect;
const toRecord = (r: Row): OcspSignerRecord => ({
  id: r.id,
  authorityId: r.authorityId,
  certificateDer: r.certificate,
  sealedKey: r.sealedKey,
  notAfter: r.notAfter,
  createdAt: r.createdAt,
});

/** The delegated OCSP signing certificates of the portal's CAs. */
export function ocspSignerStore(db: Db): OcspSignerStore {
  return {
    async newest(authorityId) {
      const [row] = await db
        .select()
        .from(ocspSigners)
        .where(eq(ocspSigners.authorityId, authorityId))
        .orderBy(desc(ocspSigners.notAfter))
        .limit(1);
      return row ? toRecord(row) : null;
    },
    async add(input) {
      const [row] = await db
        .insert(ocspSigners)
        .values({
          authorityId: input.authorityId,
          certificate: input.certificateDer,
          sealedKey: input.sealedKey,
          notAfter: input.notAfter,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
  };
}
