import type { LearnerKey } from "./learner-cursor.ts";
import type { Learner, LearnerInput } from "./learners.types.ts";

/** A learner's fields as stored, with the folded search text. */
export type LearnerWrite = LearnerInput & { searchText: string };

export interface LearnerStore {
  /** null when the student number is taken in this institution. */
  create(institutionId: string, input: LearnerWrite): Promise<Learner | null>;
  update(
    institutionId: string,
    id: string,
    input: LearnerWrite,
  ): Promise<Learner | null | "student_number_taken">;
  findById(institutionId: string, id: string): Promise<Learner | null>;
  findByStudentNumbers(institutionId: string, studentNumbers: string[]): Promise<Learner[]>;
  /** The institution's learners whose institutional or personal email is this one (case ignored). */
  findByEmail(institutionId: string, email: string): Promise<Learner[]>;
  /** The user account a learner record is linked to, or null. */
  linkedUserId(learnerId: string): Promise<string | null>;
  /**
   * A keyset page by (family name, given name, id): after a key (ascending) or before one (the
   * rows just before it, still returned ascending). hasMore: more rows further in that direction.
   */
  search(query: {
    institutionId: string;
    q: string;
    after: LearnerKey | null;
    before: LearnerKey | null;
    limit: number;
  }): Promise<{ learners: Learner[]; hasMore: boolean }>;
  /** Matching learners, counted up to cap (then cap). */
  count(query: { institutionId: string; q: string; cap: number }): Promise<number>;
  /** Inserts or updates (by student number) in batches; run inside a transaction. */
  upsertMany(institutionId: string, rows: LearnerWrite[]): Promise<void>;
  /** Links the learner record to a user account (claiming); false when it is linked already. */
  linkUser(learnerId: string, userId: string): Promise<boolean>;
  /** Unlinks the learner record from this user account (a claim reopened by staff); false when not linked to it. */
  unlinkUser(learnerId: string, userId: string): Promise<boolean>;
}
