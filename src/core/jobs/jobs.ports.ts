export type JobState = "queued" | "active" | "done" | "failed";

export interface JobRecord {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
}

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  /** At most one unfinished job per key: a second enqueue with the same key is ignored. */
  singletonKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * The job queue as rows in the database, so a job is enqueued in the same transaction as the
 * change that calls for it (the outbox pattern).
 */
export interface JobStore {
  enqueue(job: NewJob, now: Date): Promise<void>;
  enqueueMany(jobs: NewJob[], now: Date): Promise<void>;
  /** Claims up to `limit` due jobs of these queues for `leaseMs` (FOR UPDATE SKIP LOCKED); a crashed worker's lease runs out. */
  claim(queues: string[], limit: number, leaseMs: number, now: Date): Promise<JobRecord[]>;
  /** Extends the lease of a long job. */
  extend(id: string, leaseMs: number, now: Date): Promise<void>;
  complete(id: string, now: Date): Promise<void>;
  /** Records the error; retries at retryAt, or fails for good after maxAttempts or when retryAt is null. */
  fail(id: string, error: string, retryAt: Date | null, now: Date): Promise<void>;
  counts(queue: string): Promise<Record<JobState, number>>;
  findById(id: string): Promise<JobRecord | null>;
  /** A failed job back in the queue with its attempts reset; false if it was not failed. */
  retry(id: string, now: Date): Promise<boolean>;
  /** Deletes up to `limit` jobs done before doneBefore and failed before failedBefore; returns how many. */
  purgeFinished(input: { doneBefore: Date; failedBefore: Date; limit: number }): Promise<number>;
}
