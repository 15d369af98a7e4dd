import { describe, expect, it } from "vitest";
import { fileVerdictCache } from "../../src/adapters/pdf/file-verdict-cache.ts";
import type { FileVerdict } from "../../src/core/documents/file-verdict.types.ts";

const VALID: FileVerdict = { verdict: "valid", why: null };
const MODIFIED: FileVerdict = { verdict: "invalid", why: "modified" };

describe("the file verdict cache", () => {
  it("computes once for concurrent look-ups of a key, then answers from memory until the time to live", async () => {
    let clock = 0;
    const cache = fileVerdictCache({ ttlMs: 1000, maxEntries: 10, now: () => clock });
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return { verdict: VALID, keep: true };
    };
    expect(await Promise.all([1, 2, 3].map(() => cache.get("a", compute)))).toEqual([VALID, VALID, VALID]);
    expect(runs).toBe(1);
    clock = 999;
    await cache.get("a", compute);
    expect(runs).toBe(1);
    clock = 1000;
    await cache.get("a", compute);
    expect(runs).toBe(2);
  });

  it("keeps nothing it is told not to keep, nor a failed computation", async () => {
    const cache = fileVerdictCache({ ttlMs: 1000, maxEntries: 10, now: () => 0 });
    let runs = 0;
    const once = async () => {
      runs++;
      return { verdict: MODIFIED, keep: false };
    };
    await cache.get("a", once);
    await cache.get("a", once);
    expect(runs).toBe(2);
    await expect(cache.get("b", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("b", async () => ({ verdict: VALID, keep: true }))).toEqual(VALID);
    expect(cache.size).toBe(1);
  });

  it("stays bounded: the oldest entry goes", async () => {
    const cache = fileVerdictCache({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
    for (const k of ["a", "b", "c"]) await cache.get(k, async () => ({ verdict: VALID, keep: true }));
    expect(cache.size).toBe(2);
    let runs = 0;
    await cache.get("a", async () => {
      runs++;
      return { verdict: VALID, keep: true };
    });
    expect(runs).toBe(1);
  });
});
