import type { Batch } from "../issuance/issuance.types.ts";
/** What an institution's overview shows its staff. Days are UTC calendar days (YYYY-MM-DD). */

export interface DocumentFigures {
  /** Every document the institution has issued, whatever its status. */
  issued: number;
  active: number;
  revoked: number;
  superseded: number;
  /** Documents whose learner has claimed them (linked a user account). */
  claimed: number;
}

/** Learner invitations by status: queued ones are still pending, failed ones could not be sent. */
export interface InvitationFigures {
  pending: number;
  sent: number;
  failed: number;
  claimed: number;
}

/** An email that could not be delivered after every retry. */
export interface FailedEmail {
  id: string;
  /** The recipient, or null when the job did not say. */
  to: string | null;
  error: string | null;
  /** When it failed for good (ISO 8601), or null. */
  failedAt: string | null;
}

export interface DailyCount {
  /** YYYY-MM-DD (UTC). */
  date: string;
  count: number;
}

export interface InstitutionDashboard {
  documents: DocumentFigures;
  invitations: InvitationFigures;
  failedEmails: { total: number; latest: FailedEmail[] };
  /** The latest batches with their counts (the batches tab shows the same rows). */
  recentBatches: Batch[];
  /** Documents issued per day over the last DASHBOARD_DAYS days, oldest first, days without any included (0). */
  issuedPerDay: DailyCount[];
}
