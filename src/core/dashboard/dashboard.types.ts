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

export type BatchStatus = "queued" | "running" | "done";

export interface BatchSummary {
  id: string;
  manifestName: string;
  status: BatchStatus;
  source: "web" | "api" | "cli";
  total: number;
  /** Items by status. */
  items: { pending: number; issued: number; skipped: number; failed: number };
  createdAt: string;
  finishedAt: string | null;
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
  recentBatches: BatchSummary[];
  /** Documents issued per day over the last DASHBOARD_DAYS days, oldest first, days without any included (0). */
  issuedPerDay: DailyCount[];
}
