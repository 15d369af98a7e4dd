import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { SigningIdentityRecord, SigningIdentityStore } from "../../core/signing/signing.ports.ts";
import type { KeyAlgorithm } from "../../core/signing/signing.types.ts";
import type { Db } from "./open-database.ts";
import { derToPem, pemToDer } from "./pem.ts";
import { signingIdentities } from "./schema.ts";

type Row = typeof signingIdentities.$inferSelect;
const toRecord = (r: Row): SigningIdentityRecord => ({
  id: r.id,
  institutionId: r.institutionId,
  algorithm: r.algorithm as KeyAlgorithm | "imported",
  chainDer: pemToDer(r.chainPem),
  sealedKey: r.sealedKey,
  serialNumber: r.serialNumber,
  notAfter: r.notAfter,
  createdAt: r.createdAt,
  retiredAt: r.retiredAt,
  revokedAt: r.revokedAt,
});

export function signingIdentityStore(db: Db): SigningIdentityStore {
  return {
    async active(institutionId) {
      const [row] = await db
        .select()
        .from(signingIdentities)
        .where(and(eq(signingIdentities.institutionId, institutionId), isNull(signingIdentities.retiredAt)));
      return row ? toRecord(row) : null;
    },
    async findById(id) {
      const [row] = await db.select().from(signingIdentities).where(eq(signingIdentities.id, id));
      return row ? toRecord(row) : null;
    },
    async replace(input, now) {
      await db
        .update(signingIdentities)
        .set({ retiredAt: now })
        .where(
          and(eq(signingIdentities.institutionId, input.institutionId), isNull(signingIdentities.retiredAt)),
        );
      const [row] = await db
        .insert(signingIdentities)
        .values({
          institutionId: input.institutionId,
          algorithm: input.algorithm,
          chainPem: derToPem(input.chainDer),
          sealedKey: input.sealedKey,
          serialNumber: input.serialNumber,
          notAfter: input.notAfter,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async revoked() {
      const rows = await db
        .select({ serialNumber: signingIdentities.serialNumber, revokedAt: signingIdentities.revokedAt })
        .from(signingIdentities)
        .where(isNotNull(signingIdentities.revokedAt));
      return rows.flatMap((r) =>
        r.revokedAt ? [{ serialNumber: r.serialNumber, revokedAt: r.revokedAt }] : [],
      );
    },
  };
}
