import { describe, expect, it } from "vitest";
import { nodeSecrets } from "../../src/adapters/crypto/node-secrets.ts";
import {
  ACCESS_CODE_LENGTH,
  formatCode,
  normalizeCode,
} from "../../src/core/learner-invitations/access-code.ts";

describe("access codes", () => {
  it("are Crockford base 32, 130 bits, and read back whatever the typing", () => {
    const code = nodeSecrets().randomCode(ACCESS_CODE_LENGTH);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const shown = formatCode(code);
    expect(shown.split("-").map((g) => g.length)).toEqual([4, 4, 4, 4, 4, 4, 2]);
    expect(normalizeCode(` ${shown.toLowerCase()} `)).toBe(code);
    expect(normalizeCode("oil-O1L")).toBe("011011");
  });

  it("use every symbol about equally (no modulo bias)", () => {
    const counts = new Map<string, number>();
    const secrets = nodeSecrets();
    for (let i = 0; i < 2000; i++)
      for (const c of secrets.randomCode(32)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (2000 * 32) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });
});
