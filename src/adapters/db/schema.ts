// The database schema, one file per area under schema/ (drizzle.config.ts reads this file; the
// migrations in migrations/ are generated from it).
export * from "./schema/accounts.ts";
export * from "./schema/documents.ts";
export * from "./schema/institutions.ts";
export * from "./schema/issuance.ts";
export * from "./schema/learners.ts";
export * from "./schema/organizations.ts";
export * from "./schema/payments.ts";
export * from "./schema/platform.ts";
export * from "./schema/sharing.ts";
export * from "./schema/sign-on.ts";
export * from "./schema/signing.ts";
