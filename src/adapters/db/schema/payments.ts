import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { id, tstz } from "./columns.ts";
import { documents } from "./documents.ts";
import { institutions } from "./institutions.ts";

// Fees: payments, the gateway events already handled, unlocked documents.

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
