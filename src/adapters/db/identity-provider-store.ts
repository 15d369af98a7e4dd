import { and, asc, eq, isNull } from "drizzle-orm";
import type { IdentityProviderRecord, IdentityProviderStore } from "../../core/sign-on/sign-on.ports.ts";
import type { OidcSettings, SamlSettings, SignOnProtocol } from "../../core/sign-on/sign-on.types.ts";
import type { Db } from "./open-database.ts";
import { identityProviders, institutions } from "./schema.ts";

type Row = typeof identityProviders.$inferSelect;

const toRecord = (r: Row): IdentityProviderRecord => {
  const common = {
    id: r.id,
    institutionId: r.institutionId,
    key: r.key,
    nameFr: r.nameFr,
    nameEn: r.nameEn,
    enabled: r.enabled,
    sealedSecret: r.sealedSecret ? new Uint8Array(r.sealedSecret) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
  return r.protocol === "saml"
    ? { ...common, protocol: "saml", settings: r.settings as SamlSettings }
    : { ...common, protocol: "oidc", settings: r.settings as OidcSettings };
};

const owner = (institutionId: string | null) =>
  institutionId === null
    ? isNull(identityProviders.institutionId)
    : eq(identityProviders.institutionId, institutionId);

export function identityProviderStore(db: Db): IdentityProviderStore {
  return {
    async findById(id) {
      const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
      return row ? toRecord(row) : null;
    },
    async findByKey(institutionId, key) {
      const [row] = await db
        .select()
        .from(identityProviders)
        .where(and(owner(institutionId), eq(identityProviders.key, key)));
      return row ? toRecord(row) : null;
    },
    async listSocial() {
      const rows = await db
        .select()
        .from(identityProviders)
        .where(isNull(identityProviders.institutionId))
        .orderBy(asc(identityProviders.key));
      return rows.map(toRecord);
    },
    async listSignOnInstitutions() {
      const rows = await db
        .select({
          slug: institutions.slug,
          nameFr: institutions.nameFr,
          nameEn: institutions.nameEn,
          protocol: identityProviders.protocol,
        })
        .from(identityProviders)
        .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
        .where(eq(identityProviders.enabled, true))
        .orderBy(asc(institutions.nameFr), asc(institutions.slug));
      return rows.map((r) => ({ ...r, protocol: r.protocol as SignOnProtocol }));
    },
    async create(input, now) {
      // ON CONFLICT DO NOTHING: a taken key answers null without aborting the caller's transaction.
      const [row] = await db
        .insert(identityProviders)
        .values({ ...input, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return row ? toRecord(row) : null;
    },
    async update(id, input, now) {
      // The key and owner never change here (callers keep them), so no unique conflict can arise.
      const [row] = await db
        .update(identityProviders)
        .set({ ...input, updatedAt: now })
        .where(eq(identityProviders.id, id))
        .returning();
      return row ? toRecord(row) : null;
    },
    async remove(id) {
      const rows = await db
        .delete(identityProviders)
        .where(eq(identityProviders.id, id))
        .returning({ id: identityProviders.id });
      return rows.length > 0;
    },
  };
}
