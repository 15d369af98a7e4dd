import { and, asc, desc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { OrganizationStore } from "../../core/organizations/organizations.ports.ts";
import type {
  Organization,
  OrganizationKind,
  OrganizationRole,
} from "../../core/organizations/organizations.types.ts";
import type { Db } from "./open-database.ts";
import { memberships, organizationInvitations, organizations, users } from "./schema.ts";

const columns = {
  id: organizations.id,
  slug: organizations.slug,
  nameFr: organizations.nameFr,
  nameEn: organizations.nameEn,
  kind: organizations.kind,
  country: organizations.country,
  contactEmail: organizations.contactEmail,
  logoType: organizations.logoType,
  archivedAt: organizations.archivedAt,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

type Row = { [K in keyof typeof columns]: (typeof organizations.$inferSelect)[K] };
const toOrganization = ({ logoType, kind, archivedAt, createdAt, updatedAt, ...r }: Row): Organization => ({
  ...r,
  kind: kind as OrganizationKind,
  hasLogo: logoType !== null,
  archivedAt: archivedAt?.toISOString() ?? null,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function organizationStore(db: Db): OrganizationStore {
  const one = async (where: SQL) => {
    const [row] = await db.select(columns).from(organizations).where(where);
    return row ? toOrganization(row) : null;
  };
  return {
    findBySlug: (slug) => one(eq(organizations.slug, slug)),
    findById: (id) => one(eq(organizations.id, id)),
    async listByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select(columns)
        .from(organizations)
        .where(inArray(organizations.id, ids))
        .orderBy(asc(organizations.nameFr));
      return rows.map(toOrganization);
    },
    async search({ q, includeArchived, limit }) {
      const rows = await db
        .select(columns)
        .from(organizations)
        .where(
          and(
            q ? sql`${organizations.searchText} like ${likeEscaped(q)}` : undefined,
            includeArchived ? undefined : isNull(organizations.archivedAt),
          ),
        )
        .orderBy(asc(organizations.nameFr), asc(organizations.id))
        .limit(limit);
      return rows.map(toOrganization);
    },
    async create(input) {
      try {
        const [row] = await db.insert(organizations).values(input).returning(columns);
        return row ? toOrganization(row) : null;
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async update(id, patch) {
      const [row] = await db
        .update(organizations)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(organizations.id, id))
        .returning(columns);
      return row ? toOrganization(row) : null;
    },
    async getLogo(slug) {
      const [row] = await db
        .select({ logo: organizations.logo, logoType: organizations.logoType })
        .from(organizations)
        .where(and(eq(organizations.slug, slug), isNull(organizations.archivedAt)));
      if (!row?.logo || !row.logoType) return null;
      return { bytes: row.logo, contentType: row.logoType };
    },
    async setLogo(id, logo) {
      const [row] = await db
        .update(organizations)
        .set({ logo: logo?.bytes ?? null, logoType: logo?.contentType ?? null, updatedAt: new Date() })
        .where(eq(organizations.id, id))
        .returning(columns);
      return row ? toOrganization(row) : null;
    },
    async listStaff(organizationId) {
      const rows = await db
        .select({
          membershipId: memberships.id,
          userId: users.id,
          email: users.email,
          displayName: users.displayName,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, organizationId))
        .orderBy(asc(users.displayName), asc(users.id));
      return rows.map((r) => ({ ...r, role: r.role as OrganizationRole }));
    },
    async listStaffContacts(organizationId) {
      const rows = await db
        .select({ email: users.email, locale: users.locale })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, organizationId), eq(users.status, "active")))
        .orderBy(asc(users.email));
      return rows.map((r) => ({
        email: r.email,
        locale: r.locale === "en" ? ("en" as const) : ("fr" as const),
      }));
    },
    async recordInvitation(input) {
      await db.insert(organizationInvitations).values(input);
    },
    async listPendingInvitations(organizationId, now) {
      const rows = await db
        .select()
        .from(organizationInvitations)
        .where(and(eq(organizationInvitations.organizationId, organizationId), pending(now)))
        .orderBy(desc(organizationInvitations.createdAt), desc(organizationInvitations.id));
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        role: r.role as OrganizationRole,
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
      }));
    },
    async cancelInvitation(organizationId, id, now) {
      const [row] = await db
        .update(organizationInvitations)
        .set({ cancelledAt: now })
        .where(
          and(
            eq(organizationInvitations.id, id),
            eq(organizationInvitations.organizationId, organizationId),
            pending(now),
          ),
        )
        .returning({ email: organizationInvitations.email, role: organizationInvitations.role });
      return row ? { email: row.email, role: row.role as OrganizationRole } : null;
    },
    async isInvitationCancelled(nonceHash) {
      const [row] = await db
        .select({ cancelledAt: organizationInvitations.cancelledAt })
        .from(organizationInvitations)
        .where(eq(organizationInvitations.nonceHash, nonceHash));
      return Boolean(row?.cancelledAt);
    },
    async markInvitationAccepted(nonceHash, now) {
      const byNonce = eq(organizationInvitations.nonceHash, nonceHash);
      // The update waits for a concurrent cancellation of the row, then sees it.
      const updated = await db
        .update(organizationInvitations)
        .set({ acceptedAt: now })
        .where(
          and(
            byNonce,
            isNull(organizationInvitations.acceptedAt),
            isNull(organizationInvitations.cancelledAt),
          ),
        )
        .returning({ id: organizationInvitations.id });
      if (updated.length > 0) return true;
      const [row] = await db
        .select({ cancelledAt: organizationInvitations.cancelledAt })
        .from(organizationInvitations)
        .where(byNonce);
      return !row?.cancelledAt;
    },
  };
}

const pending = (now: Date) =>
  and(
    isNull(organizationInvitations.acceptedAt),
    isNull(organizationInvitations.cancelledAt),
    gt(organizationInvitations.expiresAt, now),
  );
