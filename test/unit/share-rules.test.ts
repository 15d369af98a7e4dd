import { describe, expect, it } from "vitest";
import { tooManyAttemptsMessage } from "../../src/core/error-messages.ts";
import { clientThrottleKey, shareStatus } from "../../src/core/sharing/share-rules.ts";

const key = (ip: string | null) => clientThrottleKey((s) => `h(${s})`, ip);

describe("share rules", () => {
  it("counts a client by its IPv4 address or its IPv6 /64", () => {
    expect(key("203.0.113.9")).toBe("share-client:h(203.0.113.9)");
    expect(key("::ffff:203.0.113.9")).toBe(key("203.0.113.9"));
    expect(key("2001:db8:1:2::1")).toBe("share-client:h(2001:db8:1:2)");
    expect(key("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe(key("2001:db8:1:2::1"));
    expect(key("2001:db8::1")).toBe("share-client:h(2001:db8:0:0)");
    expect(key("2001:DB8:1:3::1")).not.toBe(key("2001:db8:1:2::1"));
    expect(key("::1")).toBe("share-client:h(0:0:0:0)");
    expect(key(null)).toBe("share-client:h(unknown)");
  });

  it("gives a share's true state, the first that applies", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const base = {
      revokedAt: null,
      expiresAt: new Date("2026-07-01T00:00:00Z"),
      maxViews: 3,
      viewCount: 1,
      downloadCount: 1,
      lockedUntil: null,
    };
    expect(shareStatus(base, now)).toBe("active");
    expect(shareStatus({ ...base, lockedUntil: new Date("2026-06-01T12:05:00Z") }, now)).toBe("locked");
    expect(shareStatus({ ...base, lockedUntil: new Date("2026-06-01T11:59:00Z") }, now)).toBe("active");
    expect(shareStatus({ ...base, downloadCount: 2, lockedUntil: new Date("2026-06-02") }, now)).toBe(
      "used_up",
    );
    expect(shareStatus({ ...base, downloadCount: 2, expiresAt: now }, now)).toBe("expired");
    expect(shareStatus({ ...base, revokedAt: now, expiresAt: now }, now)).toBe("revoked");
    expect(shareStatus({ ...base, maxViews: null, viewCount: 50 }, now)).toBe("active");
  });

  it("says how long to wait in words, rounded up", () => {
    expect(tooManyAttemptsMessage(1)).toEqual({
      fr: "Trop de tentatives. Réessayez dans 1 seconde.",
      en: "Too many attempts. Try again in 1 second.",
    });
    expect(tooManyAttemptsMessage(45).en).toBe("Too many attempts. Try again in 45 seconds.");
    expect(tooManyAttemptsMessage(61).fr).toBe("Trop de tentatives. Réessayez dans 2 minutes.");
    expect(tooManyAttemptsMessage(7200).en).toBe("Too many attempts. Try again in 2 hours.");
    expect(tooManyAttemptsMessage(7199).en).toBe("Too many attempts. Try again in 120 minutes.");
  });
});
