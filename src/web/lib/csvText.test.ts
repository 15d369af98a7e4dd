import { describe, expect, it } from "vitest";
import { csvCell, csvText } from "./csvText.ts";

describe("csvText", () => {
  it("neutralises cells that a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}cmd|' /C calc'!A0`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("1 + 1 = 2")).toBe("1 + 1 = 2");
  });

  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(csvText([["a,b", 'say "hi"', "two\nlines", null, 3]])).toBe(
      '"a,b","say ""hi""","two\nlines",,3\r\n',
    );
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });
});
