import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { id, tstz } from "./columns.ts";
import { documents } from "./documents.ts";
import { organizations } from "./organizations.ts";
import { payments } from "./payments.ts";

// Shares, their documents and events, and the organizations' inboxes of the shares they received.

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
