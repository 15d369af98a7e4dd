import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { bytea, id, tstz } from "./columns.ts";

// Participating organizations and their staff invitations.

/** A participating organization (employer, university admissions, licensing body…) in the directory the operator keeps. */
export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    /** employer, education, government, licensing, other */
    kind: text("kind").notNull().default("other"),
    /** ISO 3166-1 alpha-2 */
    country: text("country").notNull().default("CA"),
    contactEmail: text("contact_email"),
    logo: bytea("logo"),
    logoType: text("logo_type"),
    /** Lower-cased names and slug, for the directory search. */
    searchText: text("search_text").notNull().default(""),
    archivedAt: tstz("archived_at"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check(
      "organizations_kind_check",
      sql`${t.kind} in ('employer', 'education', 'government', 'licensing', 'other')`,
    ),
    check("organizations_country_check", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * An organization staff invitation sent (the link itself is a signed token naming the nonce): lets
 * the operator and the organization's admins list pending invitations and cancel one.
 */
export const organizationInvitations = pgTable(
  "organization_invitations",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Hash of the token's nonce. */
    nonceHash: text("nonce_hash").notNull().unique(),
    email: text("email").notNull(),
    role: text("role").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    acceptedAt: tstz("accepted_at"),
    cancelledAt: tstz("cancelled_at"),
  },
  (t) => [
    index("organization_invitations_org_idx").on(t.organizationId, t.createdAt),
    check("organization_invitations_role_check", sql`${t.role} in ('organization_admin', 'reviewer')`),
  ],
);
