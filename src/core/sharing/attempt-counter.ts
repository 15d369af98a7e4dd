import type { ThrottleRecord } from "../accounts/accounts.ports.ts";
import { afterFailure, type BackoffPolicy, secondsLocked } from "../accounts/throttle-policy.ts";

/** A failure count kept in the database, changed only by compare-and-set (several processes share it). */
export interface AttemptCounter {
  key: string;
  read(): Promise<ThrottleRecord | null>;
  /** Writes `next` only if the record is still `expected`; false when another request came first. */
  swap(expected: ThrottleRecord | null, next: ThrottleRecord | null): Promise<boolean>;
}

export type Reservation =
  | { kind: "reserved"; counter: AttemptCounter; after: ThrottleRecord }
  | { kind: "locked"; seconds: number };

/** Compare-and-set rounds before giving up (a burst of requests on one key): the caller waits a second. */
const ROUNDS = 8;

/**
 * Counts one attempt as a failure BEFORE it is checked, so that concurrent attempts each take
 * their own place in the count and none slips past the lock; the attempt that reaches the free
 * failures' end sets the back-off lock itself. A right answer gives its place back (refund).
 * While the key is locked: the seconds left, nothing counted.
 */
export async function reserveAttempt(
  counter: AttemptCounter,
  now: Date,
  policy: BackoffPolicy,
): Promise<Reservation> {
  for (let round = 0; round < ROUNDS; round++) {
    const current = await counter.read();
    const wait = secondsLocked(current, now);
    if (wait > 0) return { kind: "locked", seconds: wait };
    const after = afterFailure(counter.key, current, now, policy);
    if (await counter.swap(current, after)) return { kind: "reserved", counter, after };
  }
  return { kind: "locked", seconds: 1 };
}

/** Seconds a counter is still locked for (0 when it is not), without counting anything. */
export async function lockedFor(counter: AttemptCounter, now: Date): Promise<number> {
  return secondsLocked(await counter.read(), now);
}

/**
 * Gives back the place a right answer had reserved: one failure less, and the lock lifted when it
 * is the one this attempt set (a lock set since by another failure stays).
 */
export async function refundAttempt(reservation: Extract<Reservation, { kind: "reserved" }>): Promise<void> {
  const { counter, after } = reservation;
  for (let round = 0; round < ROUNDS; round++) {
    const current = await counter.read();
    if (!current) return;
    const mine = current.lockedUntil?.getTime() === after.lockedUntil?.getTime();
    const next =
      current.failures > 1
        ? { ...current, failures: current.failures - 1, lockedUntil: mine ? null : current.lockedUntil }
        : null;
    if (await counter.swap(current, next)) return;
  }
}
