import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { id, tstz } from "./columns.ts";
import { documentTypes } from "./documents.ts";
import { institutions } from "./institutions.ts";
import { learners } from "./learners.ts";

// Bulk issuing: batches and their manifest rows.

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
