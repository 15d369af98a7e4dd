export type LearnerInvitationStatus = "queued" | "sent" | "failed" | "claimed";

/** What staff see of a learner's invitation (never the code or password). */
export interface LearnerInvitationView {
  status: LearnerInvitationStatus;
  sendCount: number;
  sentAt: string | null;
  codeExpiresAt: string | null;
  lastError: string | null;
  claimedAt: string | null;
}
