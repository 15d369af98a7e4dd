import type { ThrottleRecord } from "./accounts.ports.ts";

/** How many failures pass before back-off starts, and how the wait grows. */
export interface BackoffPolicy {
  /** Failures allowed before back-off starts: the next one locks. */
  freeFailures: number;
  /** The first wait, doubled by each further failure… */
  baseSeconds: number;
  /** …up to this. */
  maxSeconds: number;
  /** Failures older than this (after the latest one) are forgotten. */
  forgetAfterMs: number;
}

/** Sign-in and second-factor codes: 5 free failures, then 30 s, 1 min, 2 min … 15 min; forgotten after a day. */
export const SIGN_IN_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseSeconds: 30,
  maxSeconds: 15 * 60,
  forgetAfterMs: 24 * 3600 * 1000,
};

/** Failures allowed before the sign-in back-off starts. */
export const FREE_FAILURES = SIGN_IN_BACKOFF.freeFailures;

/** Seconds the key must still wait, or 0. */
export function secondsLocked(record: Pick<ThrottleRecord, "lockedUntil"> | null, now: Date): number {
  if (!record?.lockedUntil) return 0;
  const ms = record.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The record after one more failure: exponential back-off past the free failures (30 s … 15 min for sign-in). */
export function afterFailure(
  key: string,
  record: ThrottleRecord | null,
  now: Date,
  policy: BackoffPolicy = SIGN_IN_BACKOFF,
): ThrottleRecord {
  const stale = !record || now.getTime() - record.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failures = (stale ? 0 : record.failures) + 1;
  const over = failures - policy.freeFailures;
  const delay = over > 0 ? Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (over - 1)) : 0;
  return {
    key,
    failures,
    lastFailureAt: now,
    lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
  };
}
