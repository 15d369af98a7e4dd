import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { DocumentStatus } from "../../core/documents/documents.types.ts";

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
    check("users_status_check", sql`${t.status} in ('active', 'disabled', 'closed')`),
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
    status: text("status").$type<DocumentStatus>().notNull().default("active"),
    signedAt: tstz("signed_at").notNull(),
    revokedAt: tstz("revoked_at"),
    revocationReason: text("revocation_reason"),
    supersededBy: uuid("superseded_by"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    /** Issued to a learner (null for files signed with `sceau sign`). */
    learnerId: uuid("learner_id").references(() => learners.id, { onDelete: "restrict" }),
    documentTypeId: uuid("document_type_id").references(() => documentTypes.id, { onDelete: "restrict" }),
    issueDate: date("issue_date", { mode: "string" }),
    /** The institution's own id for this document: issuing twice with the same one creates nothing new. */
    externalId: text("external_id"),
    batchId: uuid("batch_id"),
  },
  (t) => [
    index("documents_institution_idx").on(t.institutionId, t.createdAt, t.id),
    unique("documents_external_id_unique").on(t.institutionId, t.externalId),
    index("documents_learner_idx").on(t.learnerId),
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

/**
 * Durable background jobs (an outbox in the database, same transaction as the change that
 * enqueues them). Workers claim rows with FOR UPDATE SKIP LOCKED and hold a lease; a crashed
 * worker's lease runs out and another worker takes the job again.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").notNull().default({}),
    state: text("state").notNull().default("queued"),
    /** At most one unfinished job per key (e.g. one run per batch). */
    singletonKey: text("singleton_key"),
    runAt: tstz("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedUntil: tstz("locked_until"),
    lastError: text("last_error"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [
    index("jobs_ready_idx").on(t.queue, t.state, t.runAt),
    uniqueIndex("jobs_singleton_idx").on(t.singletonKey).where(sql`${t.state} in ('queued', 'active')`),
    /** Maintenance purges finished jobs by age. */
    index("jobs_finished_idx").on(t.state, t.finishedAt),
    check("jobs_state_check", sql`${t.state} in ('queued', 'active', 'done', 'failed')`),
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

/** A bulk issuing run: a manifest (CSV) and its PDFs, validated as a whole before it is created. */
export const batches = pgTable(
  "batches",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByLabel: text("created_by_label").notNull(),
    source: text("source").notNull(),
    manifestName: text("manifest_name").notNull(),
    status: text("status").notNull().default("queued"),
    total: integer("total").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
  },
  (t) => [
    index("batches_institution_idx").on(t.institutionId, t.createdAt),
    check("batches_status_check", sql`${t.status} in ('queued', 'running', 'done')`),
    check("batches_source_check", sql`${t.source} in ('web', 'api', 'cli')`),
  ],
);

/** One manifest row of a batch; its input PDF waits in the blob store under sourceSha256. */
export const batchItems = pgTable(
  "batch_items",
  {
    id: id(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => batches.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    externalId: text("external_id").notNull(),
    learnerId: uuid("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "restrict" }),
    documentTypeId: uuid("document_type_id")
      .notNull()
      .references(() => documentTypes.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    fileName: text("file_name").notNull(),
    sourceSha256: text("source_sha256").notNull(),
    status: text("status").notNull().default("pending"),
    documentId: uuid("document_id"),
    errorCode: text("error_code"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("batch_items_row_unique").on(t.batchId, t.rowNumber),
    index("batch_items_status_idx").on(t.batchId, t.status, t.rowNumber),
    check("batch_items_status_check", sql`${t.status} in ('pending', 'issued', 'skipped', 'failed')`),
  ],
);

/**
 * The invitation a learner receives with their first document: the access code and the claim
 * password exist in clear only in the emails; the database keeps their hashes.
 */
export const learnerInvitations = pgTable(
  "learner_invitations",
  {
    id: id(),
    learnerId: uuid("learner_id")
      .notNull()
      .unique()
      .references(() => learners.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("queued"),
    codeHash: text("code_hash").unique(),
    passwordHash: text("password_hash"),
    codeExpiresAt: tstz("code_expires_at"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    sendCount: integer("send_count").notNull().default(0),
    sentAt: tstz("sent_at"),
    lastError: text("last_error"),
    claimedAt: tstz("claimed_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("learner_invitations_institution_idx").on(t.institutionId, t.status),
    check("learner_invitations_status_check", sql`${t.status} in ('queued', 'sent', 'failed', 'claimed')`),
  ],
);

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

/** The stored answer to a POST made with an Idempotency-Key, replayed when the same key comes again. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    /** Whose key space: "apikey:<id>" or "user:<id>". */
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    responseBody: jsonb("response_body").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("idempotency_keys_unique").on(t.owner, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

/**
 * An identity provider: an institution's sign-on for its learners (OpenID Connect or SAML 2.0),
 * or, with no institution, a provider the operator offers everyone for linked accounts (Google,
 * Microsoft, LinkedIn… as generic OpenID Connect). Secrets (an OIDC client secret) are sealed.
 */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: id(),
    institutionId: uuid("institution_id").references(() => institutions.id, { onDelete: "cascade" }),
    /** Short name in URLs: unique among the operator's providers, or per institution. */
    key: text("key").notNull(),
    protocol: text("protocol").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Protocol settings (issuer, client id, scopes, claim mapping; or IdP SSO URL, certificate, entity ids). */
    settings: jsonb("settings").notNull().default({}),
    sealedSecret: bytea("sealed_secret"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("identity_providers_key_unique").on(t.institutionId, t.key).nullsNotDistinct(),
    check("identity_providers_protocol_check", sql`${t.protocol} in ('oidc', 'saml')`),
  ],
);

/**
 * A sign-on in progress: the OIDC state, nonce and PKCE verifier, or the SAML request id, kept
 * server-side until the provider answers (single use, short-lived).
 */
export const ssoTransactions = pgTable(
  "sso_transactions",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    /** SHA-256 of the state (OIDC) or of the AuthnRequest id (SAML). */
    stateHash: text("state_hash").notNull().unique(),
    nonce: text("nonce"),
    codeVerifier: text("code_verifier"),
    /** sign_in, or link (adds the provider to the signed-in user's linked accounts). */
    purpose: text("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    returnTo: text("return_to"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
  },
  (t) => [check("sso_transactions_purpose_check", sql`${t.purpose} in ('sign_in', 'link', 'test')`)],
);

/** SAML assertions already accepted, until they expire (replay protection). */
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

export const samlAssertionsSeen = pgTable("saml_assertions_seen", {
  idHash: text("id_hash").primaryKey(),
  expiresAt: tstz("expires_at").notNull(),
});

/** A user's further email addresses; the primary one stays in users.email. */
export const userEmails = pgTable(
  "user_emails",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull().unique(),
    verifiedAt: tstz("verified_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("user_emails_user_idx").on(t.userId)],
);

/** An account at an identity provider linked to a user (sign in with it). */
export const linkedAccounts = pgTable(
  "linked_accounts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    email: text("email"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
  },
  (t) => [
    unique("linked_accounts_subject_unique").on(t.providerId, t.subject),
    index("linked_accounts_user_idx").on(t.userId),
  ],
);

/** Two-factor authentication with an authenticator app (TOTP, RFC 6238); the secret is sealed. */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  sealedSecret: bytea("sealed_secret").notNull(),
  /** Null while enrolment waits for the first code. */
  enabledAt: tstz("enabled_at"),
  /** The last time step accepted: a code works once. */
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: tstz("created_at").notNull().defaultNow(),
});

/** Single-use recovery codes for when the authenticator is lost (hashes only). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: tstz("used_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * A payment for a fee (unlocking a document, or sharing it), through a gateway (Stripe Checkout,
 * or the development gateway). Nothing is unlocked or shared before it is paid.
 */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "restrict" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "restrict" }),
    purpose: text("purpose").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull().default("pending"),
    gateway: text("gateway").notNull(),
    /** The gateway's checkout session id. */
    gatewaySessionId: text("gateway_session_id").unique(),
    gatewayPaymentId: text("gateway_payment_id"),
    /** What the payment is for once paid (e.g. the share to create), validated when it was started. */
    intent: jsonb("intent").notNull().default({}),
    receiptNumber: text("receipt_number").unique(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    paidAt: tstz("paid_at"),
    refundedAt: tstz("refunded_at"),
  },
  (t) => [
    index("payments_user_idx").on(t.userId, t.createdAt),
    index("payments_institution_idx").on(t.institutionId, t.paidAt),
    /** At most one open unlock checkout per learner and document: a second start finds it. */
    uniqueIndex("payments_open_unlock_idx")
      .on(t.userId, t.documentId)
      .where(sql`${t.purpose} = 'unlock' and ${t.status} = 'pending'`),
    check("payments_purpose_check", sql`${t.purpose} in ('unlock', 'share')`),
    check("payments_status_check", sql`${t.status} in ('pending', 'paid', 'expired', 'refunded', 'failed')`),
    check("payments_amount_check", sql`${t.amountCents} > 0`),
  ],
);

/** Gateway events already handled (webhook idempotency: an event is applied once). */
export const paymentEvents = pgTable("payment_events", {
  eventId: text("event_id").primaryKey(),
  gateway: text("gateway").notNull(),
  type: text("type").notNull(),
  receivedAt: tstz("received_at").notNull().defaultNow(),
});

/** A document its learner has unlocked (free types need no row: the fee is 0). */
export const documentUnlocks = pgTable(
  "document_unlocks",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    paymentId: uuid("payment_id").references(() => payments.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] })],
);

/**
 * A learner's share of one or more documents: with a person by email, with an organization, as a
 * link, or as a public page for social media. The token exists in clear only in the link.
 */
export const shares = pgTable(
  "shares",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    recipientEmail: text("recipient_email"),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    message: text("message"),
    passcodeHash: text("passcode_hash"),
    maxViews: integer("max_views"),
    viewCount: integer("view_count").notNull().default(0),
    downloadAllowed: boolean("download_allowed").notNull().default(true),
    notifyOnFirstView: boolean("notify_on_first_view").notNull().default(false),
    /** One-time code for a share addressed to an email (hash, expiry, failed attempts). */
    otpHash: text("otp_hash"),
    otpExpiresAt: tstz("otp_expires_at"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    /** The latest counted failure (failures older than a day are forgotten) and the back-off lock it set. */
    lastFailureAt: tstz("last_failure_at"),
    lockedUntil: tstz("locked_until"),
    /** Downloads of the signed originals; with view_count, what a view limit counts. */
    downloadCount: integer("download_count").notNull().default(0),
    paymentId: uuid("payment_id").references(() => payments.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    revokedAt: tstz("revoked_at"),
    firstViewedAt: tstz("first_viewed_at"),
  },
  (t) => [
    index("shares_user_idx").on(t.userId, t.createdAt),
    index("shares_organization_idx").on(t.organizationId, t.createdAt),
    check("shares_channel_check", sql`${t.channel} in ('email', 'organization', 'link', 'public')`),
    check("shares_max_views_check", sql`${t.maxViews} is null or ${t.maxViews} > 0`),
  ],
);

export const shareDocuments = pgTable(
  "share_documents",
  {
    shareId: uuid("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.documentId] }),
    index("share_documents_document_idx").on(t.documentId),
  ],
);

/** What happened to a share: each view, download, retrieval by an organization, failed passcode… */
export const shareEvents = pgTable(
  "share_events",
  {
    id: id(),
    shareId: uuid("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    documentId: uuid("document_id"),
    organizationId: uuid("organization_id"),
    userId: uuid("user_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("share_events_share_idx").on(t.shareId, t.createdAt)],
);

/** An organization's inbox: the shares it received, and whether its staff processed them. */
export const organizationInbox = pgTable(
  "organization_inbox",
  {
    shareId: uuid("share_id")
      .primaryKey()
      .references(() => shares.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    processedAt: tstz("processed_at"),
    processedBy: uuid("processed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("organization_inbox_org_idx").on(t.organizationId, t.receivedAt)],
);
