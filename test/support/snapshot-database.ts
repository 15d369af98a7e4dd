import { sql } from "drizzle-orm";
import type { Database } from "../../src/adapters/db/open-database.ts";

const TABLES = [
  "users",
  "institutions",
  "organizations",
  "memberships",
  "one_time_tokens",
  "invitations",
  "learners",
  "document_types",
  "api_keys",
  "idempotency_keys",
  "institution_data_keys",
  "documents",
  "batches",
  "batch_items",
  "learner_invitations",
  "user_totp",
  "recovery_codes",
  "shares",
  "share_documents",
  "share_events",
  "organization_inbox",
  "identity_providers",
  "sso_transactions",
  "saml_assertions_seen",
  "linked_accounts",
  "user_emails",
  "payments",
  "payment_events",
  "document_unlocks",
];

/** Every row of the domain tables (sessions excepted), to prove a refused request changed nothing. */
export async function snapshotDatabase(database: Database): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    const res = await database.db.execute(sql.raw(`select * from ${table} order by 1`));
    out[table] = (res as unknown as { rows: unknown[] }).rows;
  }
  return JSON.stringify(out);
}
