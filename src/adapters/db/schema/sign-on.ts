import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { bytea, id, tstz } from "./columns.ts";
import { institutions } from "./institutions.ts";

// Sign-on: identity providers, sign-ons in progress, SAML replay protection, linked accounts.

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
export const samlAssertionsSeen = pgTable("saml_assertions_seen", {
  idHash: text("id_hash").primaryKey(),
  expiresAt: tstz("expires_at").notNull(),
});

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
