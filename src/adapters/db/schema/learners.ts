import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { id, tstz } from "./columns.ts";
import { institutions } from "./institutions.ts";

// Learners and the invitation with which each claims their documents.

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
