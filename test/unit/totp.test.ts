import { describe, expect, it } from "vitest";
import { fromBase32, hotpCode, timeStep, toBase32 } from "../../src/adapters/totp/hotp-code.ts";
import { nodeTotpAuthenticator } from "../../src/adapters/totp/node-totp-authenticator.ts";

// RFC 6238 Appendix B: the seeds are the ASCII digits "1234567890" repeated to the hash's key size.
const SEED_SHA1 = Buffer.from("12345678901234567890");
const SEED_SHA256 = Buffer.from("12345678901234567890123456789012");
const SEED_SHA512 = Buffer.from("1234567890123456789012345678901234567890123456789012345678901234");

const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("matches the RFC's test vectors at T = %i", (seconds, sha1, sha256, sha512) => {
    const step = timeStep(new Date(seconds * 1000));
    expect(hotpCode(SEED_SHA1, step, 8, "sha1")).toBe(sha1);
    expect(hotpCode(SEED_SHA256, step, 8, "sha256")).toBe(sha256);
    expect(hotpCode(SEED_SHA512, step, 8, "sha512")).toBe(sha512);
    // The 6-digit code apps show is the same value's last 6 digits.
    expect(hotpCode(SEED_SHA1, step)).toBe(sha1.slice(2));
  });

  it("encodes secrets in RFC 4648 base 32 both ways", () => {
    expect(toBase32(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(fromBase32("mzxw 6ytb oi======").toString()).toBe("foobar");
    expect(toBase32(SEED_SHA1)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(() => fromBase32("not base 32!")).toThrow();
  });

  const totp = nodeTotpAuthenticator;
  const secret = toBase32(SEED_SHA1);
  const at = new Date(1111111111 * 1000);
  const step = timeStep(at);

  it("accepts the step before, now and after, and nothing further", () => {
    expect(totp.match(secret, hotpCode(SEED_SHA1, step), at, null)).toBe(step);
    expect(totp.match(secret, hotpCode(SEED_SHA1, step - 1), at, null)).toBe(step - 1);
    expect(totp.match(secret, hotpCode(SEED_SHA1, step + 1), at, null)).toBe(step + 1);
    expect(totp.match(secret, hotpCode(SEED_SHA1, step - 2), at, null)).toBeNull();
    expect(totp.match(secret, hotpCode(SEED_SHA1, step + 2), at, null)).toBeNull();
    expect(totp.match(secret, "12345", at, null)).toBeNull();
    expect(totp.match(secret, "abcdef", at, null)).toBeNull();
  });

  it("refuses a step not later than the last one accepted (a code works once)", () => {
    const code = hotpCode(SEED_SHA1, step);
    expect(totp.match(secret, code, at, step)).toBeNull();
    expect(totp.match(secret, code, at, step - 1)).toBe(step);
  });

  it("makes 160-bit base-32 secrets", () => {
    const fresh = totp.newSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(fromBase32(fresh)).toHaveLength(20);
    expect(totp.newSecret()).not.toBe(fresh);
  });
});
