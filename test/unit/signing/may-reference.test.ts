import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayReference } from "../../../src/core/verification/pdf/may-reference.ts";
import { PdfLexer } from "../../../src/core/verification/pdf/pdf-parser.ts";
import { isRef, type PdfValue } from "../../../src/core/verification/pdf/pdf-values.ts";

const has = (text: string, ...nums: number[]) => mayReference(Buffer.from(text, "latin1"), new Set(nums));

describe("mayReference: a conservative scan for references to given object numbers", () => {
  it("finds references written every way a reader accepts", () => {
    expect(has("<< /Annots [40 0 R] >>", 40)).toBe(true);
    expect(has("/A 40\n0\rR>>", 40)).toBe(true);
    expect(has("/A 40 % comment\n 0 % another\n R", 40)).toBe(true);
    expect(has("/A 040 0 R", 40)).toBe(true);
    expect(has("/A +40 0 R", 40)).toBe(true);
    expect(has("/A 40.0 0 R", 40)).toBe(true);
    expect(has("[1 0 R 40 0 R]", 40)).toBe(true);
    expect(has("40 0 R", 7, 40)).toBe(true);
  });

  it("ignores what cannot be a reference to those numbers", () => {
    expect(has("<< /Annots [41 0 R] >>", 40)).toBe(false);
    expect(has("/W [40 0 278]", 40)).toBe(false);
    expect(has("/F40 0 R", 40)).toBe(false); // a name, then "0 R"
    expect(has("40 0 RG", 40)).toBe(false);
    expect(has("140 0 R", 40)).toBe(false);
    expect(has("40.5 0 R", 40)).toBe(false);
    expect(has("", 40)).toBe(false);
    expect(has("40 0 R")).toBe(false);
  });

  it("never misses a reference the parser reads (property)", () => {
    const token = fc.oneof(
      fc.constantFrom("/Name", "(str)", "<<", ">>", "[", "]", "%c\n", " ", "\n", "true", "null"),
      fc.nat(60).map(String),
      fc.tuple(fc.nat(60), fc.nat(3)).map(([n, g]) => `${n} ${g} R`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), fc.nat(60), (tokens, target) => {
        const text = `[${tokens.join(" ")} ]`;
        let value: PdfValue;
        try {
          value = new PdfLexer(Buffer.from(text, "latin1"), 0).readValue();
        } catch {
          return true;
        }
        const refs: number[] = [];
        const walk = (v: PdfValue) => {
          if (isRef(v)) refs.push(v.num);
          else if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === "object" && v.kind === "dict") for (const x of v.map.values()) walk(x);
        };
        walk(value);
        if (refs.includes(target)) expect(has(text, target)).toBe(true);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
