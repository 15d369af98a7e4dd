import { isPermanentFailure } from "../mail/mail-rejected.ts";
import type { CoreDeps } from "../ports.ts";
import type { JobRecord } from "./jobs.ports.ts";

export interface JobContext {
  job: JobRecord;
  /** Extends the job's lease; long jobs call it between steps. */
  heartbeat(): Promise<void>;
}

/** Runs one job. Throwing retries it later (with back-off) until its attempts run out. */
export type JobHandler = (deps: CoreDeps, context: JobContext) => Promise<void>;

/** The job's attempt is its last one: failures are final after it. */
export const isLastAttempt = (job: JobRecord): boolean => job.attempts >= job.maxAttempts;

/** This failure is final: the job's last attempt, or an error no retry can fix (a bounce). */
export const isFinalFailure = (job: JobRecord, error: unknown): boolean =>
  isLastAttempt(job) || isPermanentFailure(error);
