import type { DailyCount, DocumentFigures, FailedEmail, InvitationFigures } from "./dashboard.types.ts";

/** Aggregates for an institution's overview: one query per figure, never one per row. */
export interface DashboardStore {
  documentFigures(institutionId: string): Promise<DocumentFigures>;
  invitationFigures(institutionId: string): Promise<InvitationFigures>;
  /** Mail jobs that failed for good for this institution (payload.institutionId), newest first. */
  failedEmails(institutionId: string, limit: number): Promise<{ total: number; latest: FailedEmail[] }>;
  /** Documents created per UTC day from `from` to `to` (YYYY-MM-DD, inclusive), oldest first, zero-filled. */
  issuedPerDay(institutionId: string, from: string, to: string): Promise<DailyCount[]>;
}
