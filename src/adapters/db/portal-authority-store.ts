import { asc } from "drizzle-orm";
import type { PortalAuthorityRecord, PortalAuthorityStore } from "../../core/signing/signing.ports.ts";
import type { Db } from "./open-database.ts";
import { portalAuthorities } from "./schema.ts";

type Row = typeof portalAuthorities.$inferSelect;
const toRecord = (r: Row): PortalAuthorityRecord => ({
  id: r.id,
  kind: r.kind === "root" ? "root" : "issuing",
  certificateDer: r.certificate,
  sealedKey: r.sealedKey,
  createdAt: r.createdAt,
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
  };
}
