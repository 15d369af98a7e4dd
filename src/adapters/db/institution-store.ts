import { asc, eq, inArray } from "drizzle-orm";
import type { InstitutionStore } from "../../core/institutions/institutions.ports.ts";
import type { Institution } from "../../core/institutions/institutions.types.ts";
import type { Db } from "./open-database.ts";
import { institutions } from "./schema.ts";
import { isUniqueViolation } from "./unique-violation.ts";

const columns = {
  id: institutions.id,
  slug: institutions.slug,
  nameFr: institutions.nameFr,
  nameEn: institutions.nameEn,
  emailDomain: institutions.emailDomain,
  primaryColor: institutions.primaryColor,
  accentColor: institutions.accentColor,
  logoType: institutions.logoType,
  stampEnabled: institutions.stampEnabled,
  tsaUrl: institutions.tsaUrl,
  signatureLevel: institutions.signatureLevel,
  createdAt: institutions.createdAt,
  updatedAt: institutions.updatedAt,
};

type Row = { [K in keyof typeof columns]: (typeof institutions.$inferSelect)[K] };
const toInstitution = ({ logoType, createdAt, updatedAt, ...r }: Row): Institution => ({
  ...r,
  hasLogo: logoType !== null,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

export function institutionStore(db: Db): InstitutionStore {
  return {
    async findBySlug(slug) {
      const [row] = await db.select(columns).from(institutions).where(eq(institutions.slug, slug));
      return row ? toInstitution(row) : null;
    },
    async findById(id) {
      const [row] = await db.select(columns).from(institutions).where(eq(institutions.id, id));
      return row ? toInstitution(row) : null;
    },
    async listAll() {
      const rows = await db.select(columns).from(institutions).orderBy(asc(institutions.slug));
      return rows.map(toInstitution);
    },
    async listByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select(columns)
        .from(institutions)
        .where(inArray(institutions.id, ids))
        .orderBy(asc(institutions.slug));
      return rows.map(toInstitution);
    },
    async create(input) {
      try {
        const [row] = await db.insert(institutions).values(input).returning(columns);
        return row ? toInstitution(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async update(id, patch) {
      const [row] = await db
        .update(institutions)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(institutions.id, id))
        .returning(columns);
      return row ? toInstitution(row) : null;
    },
    async getLogo(slug) {
      const [row] = await db
        .select({ logo: institutions.logo, logoType: institutions.logoType })
        .from(institutions)
        .where(eq(institutions.slug, slug));
      if (!row?.logo || !row.logoType) return null;
      return { bytes: row.logo, contentType: row.logoType };
    },
    async setLogo(id, logo) {
      const [row] = await db
        .update(institutions)
        .set({ logo: logo?.bytes ?? null, logoType: logo?.contentType ?? null, updatedAt: new Date() })
        .where(eq(institutions.id, id))
        .returning(columns);
      return row ? toInstitution(row) : null;
    },
  };
}
