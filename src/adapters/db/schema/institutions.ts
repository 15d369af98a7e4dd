import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import type { SignatureLevel } from "../../../core/signing/signing.types.ts";
import { users } from "./accounts.ts";
import { bytea, id, tstz } from "./columns.ts";
import { organizations } from "./organizations.ts";

// Institutions, their staff (memberships, invitations), data keys and API keys.

export const institutions = pgTable(
  "institutions",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    emailDomain: text("email_domain"),
    primaryColor: text("primary_color").notNull(),
    accentColor: text("accent_color").notNull(),
    logo: bytea("logo"),
    logoType: text("logo_type"),
    /** Add the visible verification notice (QR code) before signing. */
    stampEnabled: boolean("stamp_enabled").notNull().default(true),
    /** RFC 3161 timestamp authority: signatures become PAdES B-T. */
    tsaUrl: text("tsa_url"),
    /** PAdES level (B-B, B-T, B-LT, B-LTA); null: B-LTA with a timestamp authority, else B-B. */
    signatureLevel: text("signature_level").$type<SignatureLevel>(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("institutions_slug_check", sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$'`),
    check("institutions_signature_level_check", sql`${t.signatureLevel} in ('B-B', 'B-T', 'B-LT', 'B-LTA')`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    institutionId: uuid("institution_id").references(() => institutions.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("memberships_unique").on(t.userId, t.institutionId, t.organizationId).nullsNotDistinct(),
    index("memberships_institution_idx").on(t.institutionId),
    check(
      "memberships_role_check",
      sql`(${t.role} = 'operator' and ${t.institutionId} is null and ${t.organizationId} is null)
        or (${t.role} in ('institution_admin', 'issuer') and ${t.institutionId} is not null and ${t.organizationId} is null)
        or (${t.role} in ('organization_admin', 'reviewer') and ${t.organizationId} is not null and ${t.institutionId} is null)`,
    ),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    role: text("role").notNull(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    locale: text("locale").notNull().default("fr"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    acceptedAt: tstz("accepted_at"),
    cancelledAt: tstz("cancelled_at"),
  },
  (t) => [
    index("invitations_institution_idx").on(t.institutionId),
    check("invitations_role_check", sql`${t.role} in ('institution_admin', 'issuer')`),
  ],
);

/** Each institution's data key (AES-256) for its files at rest, wrapped by the master key. */
export const institutionDataKeys = pgTable("institution_data_keys", {
  institutionId: uuid("institution_id")
    .primaryKey()
    .references(() => institutions.id, { onDelete: "cascade" }),
  wrappedKey: bytea("wrapped_key").notNull(),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

/** An institution's API key: only its hash is kept; the prefix lets people tell keys apart. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: jsonb("scopes").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [index("api_keys_institution_idx").on(t.institutionId)],
);
