import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import type { DocumentStatus } from "../../../core/documents/documents.types.ts";
import { id, tstz } from "./columns.ts";
import { institutions } from "./institutions.ts";
import { learners } from "./learners.ts";
import { signingIdentities } from "./signing.ts";

// The registry of signed documents and the institutions' document types.

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
    /** PAdES B-LTA: when the newest archive timestamp's certificate expires (null below B-LTA). */
    archiveUntil: tstz("archive_until"),
  },
  (t) => [
    index("documents_institution_idx").on(t.institutionId, t.createdAt, t.id),
    index("documents_archive_until_idx").on(t.archiveUntil),
    unique("documents_external_id_unique").on(t.institutionId, t.externalId),
    index("documents_learner_idx").on(t.learnerId),
    index("documents_sha256_idx").on(t.sha256),
    check("documents_status_check", sql`${t.status} in ('active', 'revoked', 'superseded')`),
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
 * Each renewal of a B-LTA document's archive timestamp (`sceau ltv refresh`, the maintenance job):
 * the file before it, still "the document issued" for whoever holds that copy, and the new one.
 */
export const documentArchiveRenewals = pgTable(
  "document_archive_renewals",
  {
    id: id(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    previousSha256: text("previous_sha256").notNull(),
    previousByteSize: integer("previous_byte_size").notNull(),
    sha256: text("sha256").notNull(),
    byteSize: integer("byte_size").notNull(),
    archiveUntil: tstz("archive_until").notNull(),
    renewedAt: tstz("renewed_at").notNull().defaultNow(),
  },
  (t) => [index("document_archive_renewals_document_idx").on(t.documentId, t.previousSha256)],
);
