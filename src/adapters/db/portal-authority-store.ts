import { and, asc, eq, isNull } from "drizzle-orm";
import type { RevocationReason } from "../../core/signing/revocation.types.ts";
import type { PortalAuthorityRecord, PortalAuthorityStore } from "../../core/signing/signing.ports.ts";
import type { Db } from "./open-database.ts";
import { portalAuthorities } from "./schema.ts";

type Row = typeof portalAuthorities.$inferSelect;
const toRecord = (r: Row): PortalAuthorityRecord => ({
  id: r.id,
  kind: r.kind === "root" || r.kind === "tsa" ? r.kind : "issuing",
  certificateDer: r.certificate,
  sealedKey: r.sealedKey,
  createdAt: r.createdAt,
  revokedAt: r.revokedAt,
  revocationReason: r.revocationReason as RevocationReason | null,
});

export function portalAuthorityStore(db: Db): PortalAuthorityStore {
  return {
    async list() {
      const rows = await db.select().from(portalAuthorities).orderBy(asc(portalAuthorities.createdAt));
      return rows.map(toRecord);
    },
    async add(input) {
      const [row] = await db
        .insert(portalAuthorities)
        .values({ kind: input.kind, certificate: input.certificateDer, sealedKey: input.sealedKey })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async revoke(id, { now, reason }) {
      const [row] = await db
        .update(portalAuthorities)
        .set({ revokedAt: now, revocationReason: reason })
        .where(and(eq(portalAuthorities.id, id), isNull(portalAuthorities.revokedAt)))
        .returning();
      return row ? toRecord(row) : null;
    },
  };
}
