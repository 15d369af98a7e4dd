import { afterFailure, secondsLocked } from "../accounts/throttle-policy.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * Runs one attempt at a user's second-factor code (null = wrong) under the same back-off as
 * passwords (throttle-policy.ts), keyed by user. Failures are written through deps.stores, outside
 * any transaction, so that the error thrown does not undo them.
 */
export async function throttledCodeAttempt<T>(
  deps: CoreDeps,
  userId: string,
  attempt: () => Promise<T | null>,
): Promise<T> {
  const now = deps.clock.now();
  const key = `totp:${userId}`;
  const throttle = await deps.stores.throttle.get(key);
  const wait = secondsLocked(throttle, now);
  if (wait > 0) throw new DomainError("too_many_attempts", { retryAfter: wait });
  const result = await attempt();
  if (result === null) {
    const next = afterFailure(key, throttle, now);
    await deps.stores.throttle.put(next);
    const locked = secondsLocked(next, now);
    if (locked > 0) throw new DomainError("too_many_attempts", { retryAfter: locked });
    throw new DomainError("totp_code_invalid");
  }
  if (throttle) await deps.stores.throttle.clear(key);
  return result;
}
