import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tstz } from "./columns.ts";

// The portal's own machinery: the audit trail, background jobs, idempotency keys.

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
