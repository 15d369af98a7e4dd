import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, id, tstz } from "./columns.ts";

// Accounts: users, their sessions, emails, one-time tokens, sign-in throttling and second factor.

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

/** Failed sign-in attempts per key (a hashed email, or an IP), for exponential back-off. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: tstz("last_failure_at").notNull(),
  lockedUntil: tstz("locked_until"),
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
