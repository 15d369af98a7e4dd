import type { LearnerInvitationStatus } from "./learner-invitations.types.ts";

export interface LearnerInvitationRecord {
  id: string;
  learnerId: string;
  institutionId: string;
  status: LearnerInvitationStatus;
  codeHash: string | null;
  passwordHash: string | null;
  codeExpiresAt: Date | null;
  failedAttempts: number;
  sendCount: number;
  sentAt: Date | null;
  lastError: string | null;
  claimedAt: Date | null;
  createdAt: Date;
}

export interface LearnerInvitationStore {
  /** Creates the invitations these learners do not have yet; returns the new ones (one per learner, ever). */
  ensure(institutionId: string, learnerIds: string[], now: Date): Promise<LearnerInvitationRecord[]>;
  findByLearners(learnerIds: string[]): Promise<LearnerInvitationRecord[]>;
  findById(id: string): Promise<LearnerInvitationRecord | null>;
  findByCodeHash(codeHash: string): Promise<LearnerInvitationRecord | null>;
  /**
   * New secrets (the previous code stops working); false, changing nothing, when the learner has
   * claimed their documents meanwhile (e.g. through the institution's sign-on).
   */
  markSent(
    id: string,
    secrets: { codeHash: string; passwordHash: string; expiresAt: Date },
    now: Date,
  ): Promise<boolean>;
  /** Failed for good, unless claimed meanwhile. */
  markFailed(id: string, error: string, now: Date): Promise<void>;
  /** Back to queued: for a resend (even a claim being reopened), or, with unlessClaimed, for a retry. */
  requeue(id: string, now: Date, options?: { unlessClaimed?: boolean }): Promise<void>;
  /** One more wrong claim password; returns the new count. */
  recordFailure(id: string, now: Date): Promise<number>;
  /**
   * Marks it claimed and clears the code and password hashes, only if the code is still the one
   * given (not claimed, not replaced by a resend); false otherwise.
   */
  claim(id: string, codeHash: string, now: Date): Promise<boolean>;
  /** Marks the learner's invitation claimed (signed in through the institution's sign-on), clearing its secrets; false if none or claimed already. */
  markClaimedForLearner(learnerId: string, now: Date): Promise<boolean>;
}
