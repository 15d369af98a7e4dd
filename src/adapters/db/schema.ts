import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull().unique(),
    emailVerifiedAt: tstz("email_verified_at"),
    displayName: text("display_name").notNull(),
    locale: text("locale").notNull().default("fr"),
    passwordHash: text("password_hash"),
    status: text("status").notNull().default("active"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("users_locale_check", sql`${t.locale} in ('fr', 'en')`),
    check("users_status_check", sql`${t.status} in ('active', 'disabled')`),
  ],
);

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
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [check("institutions_slug_check", sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$'`)],
);

export const organizations = pgTable("organizations", {
  id: id(),
  slug: text("slug").notNull().unique(),
  nameFr: text("name_fr").notNull(),
  nameEn: text("name_en").notNull(),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

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

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    revokedAt: tstz("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use secrets sent by email (password reset, later email verification). */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: text("purpose").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
  },
  (t) => [index("one_time_tokens_user_idx").on(t.userId, t.purpose)],
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

/** Failed sign-in attempts per key (a hashed email, or an IP), for exponential back-off. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: tstz("last_failure_at").notNull(),
  lockedUntil: tstz("locked_until"),
});

/** The portal's own certification authorities (development PKI): a root and an issuing CA. */
export const portalAuthorities = pgTable(
  "portal_authorities",
  {
    id: id(),
    kind: text("kind").notNull(),
    certificate: bytea("certificate").notNull(),
    /** The private key, sealed under the master key (AES-256-GCM envelope). */
    sealedKey: bytea("sealed_key").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [check("portal_authorities_kind_check", sql`${t.kind} in ('root', 'issuing')`)],
);

/** An institution's signing certificate chain and sealed key. One active (not retired) per institution. */
export const signingIdentities = pgTable(
  "signing_identities",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    algorithm: text("algorithm").notNull(),
    /** PEM certificates: the signer first, then its issuers. */
    chainPem: text("chain_pem").notNull(),
    sealedKey: bytea("sealed_key").notNull(),
    serialNumber: text("serial_number").notNull(),
    notAfter: tstz("not_after").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    retiredAt: tstz("retired_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [
    uniqueIndex("signing_identities_active_idx").on(t.institutionId).where(sql`${t.retiredAt} is null`),
  ],
);

/** The registry of signed documents: what verification reports as active, revoked or superseded. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    /** SHA-256 (hex) of the signed file as issued. */
    sha256: text("sha256").notNull(),
    byteSize: integer("byte_size").notNull(),
    signingIdentityId: uuid("signing_identity_id").references(() => signingIdentities.id),
    status: text("status").notNull().default("active"),
    signedAt: tstz("signed_at").notNull(),
    revokedAt: tstz("revoked_at"),
    revocationReason: text("revocation_reason"),
    supersededBy: uuid("superseded_by"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("documents_institution_idx").on(t.institutionId),
    index("documents_sha256_idx").on(t.sha256),
    check("documents_status_check", sql`${t.status} in ('active', 'revoked', 'superseded')`),
  ],
);

/** An institution's record of a student or graduate. Linked to at most one user account (learner onboarding). */
export const learners = pgTable(
  "learners",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    studentNumber: text("student_number").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    institutionalEmail: text("institutional_email"),
    personalEmail: text("personal_email"),
    locale: text("locale").notNull().default("fr"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Lower-cased "family given student-number emails", for search. */
    searchText: text("search_text").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("learners_student_number_unique").on(t.institutionId, t.studentNumber),
    index("learners_name_idx").on(t.institutionId, t.familyName, t.givenName, t.id),
    // Substring search (LIKE '%term%') on 100,000+ learners: a trigram index (pg_trgm).
    index("learners_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    check("learners_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);

/** An institution's kind of document (transcript, diploma, attestation…) with its fees and sharing defaults. */
export const documentTypes = pgTable(
  "document_types",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    /** Fees in the currency's minor unit (cents); 0 means free. */
    unlockFeeCents: integer("unlock_fee_cents").notNull().default(0),
    shareFeeCents: integer("share_fee_cents").notNull().default(0),
    currency: text("currency").notNull().default("CAD"),
    downloadAllowed: boolean("download_allowed").notNull().default(true),
    defaultShareDays: integer("default_share_days").notNull().default(90),
    archivedAt: tstz("archived_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("document_types_code_unique").on(t.institutionId, t.code),
    check("document_types_fees_check", sql`${t.unlockFeeCents} >= 0 and ${t.shareFeeCents} >= 0`),
    check("document_types_share_days_check", sql`${t.defaultShareDays} between 1 and 366`),
    check("document_types_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * Append-only audit trail, chained by hashes: each event's hash covers the previous event's hash,
 * so a removed, inserted or altered row breaks the chain (`sceau audit verify`). A trigger refuses
 * UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    id: uuid("id").notNull().unique(),
    /** Not a foreign key: the trail outlives what it describes. */
    institutionId: uuid("institution_id"),
    actorUserId: uuid("actor_user_id"),
    /** Who, as shown to people (an email, "cli", "system"), frozen at the time. */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    details: jsonb("details").notNull().default({}),
    ip: text("ip"),
    createdAt: tstz("created_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_events_institution_idx").on(t.institutionId, t.seq)],
);
