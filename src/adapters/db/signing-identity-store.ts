import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { RevocationReason } from "../../core/signing/revocation.types.ts";
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
  revocationReason: r.revocationReason as RevocationReason | null,
});

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

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
    async revokedUnder(issuerDer) {
      const rows = await db.select().from(signingIdentities).where(isNotNull(signingIdentities.revokedAt));
      return rows.flatMap((r) => {
        const record = toRecord(r);
        return record.revokedAt && sameBytes(record.chainDer[1], issuerDer)
          ? [
              {
                serialNumber: record.serialNumber,
                revokedAt: record.revokedAt,
                reason: record.revocationReason,
              },
            ]
          : [];
      });
    },
    async findBySerialNumber(serialNumber) {
      const wanted = serialNumber.toLowerCase().replace(/^0+(?=.)/, "");
      const rows = await db
        .select()
        .from(signingIdentities)
        .where(sql`ltrim(lower(${signingIdentities.serialNumber}), '0') = ${wanted}`);
      return rows.map(toRecord);
    },
    async revoke(id, { now, reason }) {
      const [row] = await db
        .update(signingIdentities)
        .set({
          revokedAt: now,
          revocationReason: reason,
          retiredAt: sql`coalesce(${signingIdentities.retiredAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(and(eq(signingIdentities.id, id), isNull(signingIdentities.revokedAt)))
        .returning();
      return row ? toRecord(row) : null;
    },
  };
}
