import type { ThrottleRecord } from "../ports.ts";

/** Failures allowed before back-off starts. */
export const FREE_FAILURES = 5;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;

/** Seconds the key must still wait, or 0. */
export function secondsLocked(record: ThrottleRecord | null, now: Date): number {
  if (!record?.lockedUntil) return 0;
  const ms = record.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The record after one more failure: exponential back-off (30 s, 1 min, 2 min … 15 min) past the free failures. */
export function afterFailure(key: string, record: ThrottleRecord | null, now: Date): ThrottleRecord {
  const stale = !record || now.getTime() - record.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const failures = (stale ? 0 : record.failures) + 1;
  const over = failures - FREE_FAILURES;
  const delay = over > 0 ? Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (over - 1)) : 0;
  return {
    key,
    failures,
    lastFailureAt: now,
    lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
  };
}
