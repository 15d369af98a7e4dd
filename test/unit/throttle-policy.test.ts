import { describe, expect, it } from "vitest";
import { afterFailure, FREE_FAILURES, secondsLocked } from "../../src/core/accounts/throttle-policy.ts";

const t0 = new Date("2026-01-01T12:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe("sign-in back-off", () => {
  it("allows the free failures, then doubles the wait up to 15 minutes", () => {
    let r = null;
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 7; i++) {
      r = afterFailure("k", r, t0);
      waits.push(secondsLocked(r, t0));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it("forgets failures after a day", () => {
    let r = null;
    for (let i = 0; i < FREE_FAILURES; i++) r = afterFailure("k", r, t0);
    const later = afterFailure("k", r, at(25 * 3600));
    expect(later.failures).toBe(1);
    expect(secondsLocked(later, at(25 * 3600))).toBe(0);
  });

  it("unlocks once the wait is over", () => {
    const r = { key: "k", failures: 6, lastFailureAt: t0, lockedUntil: at(60) };
    expect(secondsLocked(r, at(59))).toBe(1);
    expect(secondsLocked(r, at(60))).toBe(0);
  });
});
