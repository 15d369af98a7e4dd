import { describe, expect, it } from "vitest";
import { centsToText, formatFee, parseAmount } from "./money.ts";

describe("money", () => {
  it("reads amounts with a dot or a comma", () => {
    expect(parseAmount("12.50")).toBe(1250);
    expect(parseAmount("12,5")).toBe(1250);
    expect(parseAmount(" 1 200,00 ")).toBe(120000);
    expect(parseAmount("")).toBe(0);
    expect(parseAmount("12.505")).toBeNull();
    expect(parseAmount("-3")).toBeNull();
  });

  it("writes the amount of a fee field with the language's decimal separator, and reads it back", () => {
    expect(centsToText(1250, "fr")).toBe("12,50");
    expect(centsToText(1250, "en")).toBe("12.50");
    expect(centsToText(0, "fr")).toBe("0,00");
    for (const lang of ["fr", "en"] as const) expect(parseAmount(centsToText(98765, lang))).toBe(98765);
  });

  it("formats a fee as money in the reader's language; zero is free", () => {
    expect(formatFee(1250, "CAD", "fr", "Gratuit")).toMatch(/^12,50\s\$$/);
    expect(formatFee(1250, "CAD", "en", "Free")).toBe("$12.50");
    expect(formatFee(0, "CAD", "en", "Free")).toBe("Free");
  });
});
