import type { CoreDeps, JobRecord } from "../ports.ts";

export interface JobContext {
  job: JobRecord;
  /** Extends the job's lease; long jobs call it between steps. */
  heartbeat(): Promise<void>;
}

/** Runs one job. Throwing retries it later (with back-off) until its attempts run out. */
export type JobHandler = (deps: CoreDeps, context: JobContext) => Promise<void>;

/** The job's attempt is its last one: failures are final after it. */
export const isLastAttempt = (job: JobRecord): boolean => job.attempts >= job.maxAttempts;
