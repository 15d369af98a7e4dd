import { describe, expect, it } from "vitest";
import { csvField, csvLine, isFormulaLike, neutralizeCsvCell } from "../../src/core/csv/csv-cell.ts";
import { parseCsv } from "../../src/core/csv/parse-csv.ts";

describe("CSV cell neutraliser (spreadsheet formula injection)", () => {
  it("prefixes an apostrophe to values a spreadsheet would run as a formula", () => {
    for (const v of ["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(isFormulaLike(v)).toBe(true);
      expect(neutralizeCsvCell(v)).toBe(`'${v}`);
    }
  });

  it("leaves ordinary values alone", () => {
    for (const v of ["Émilie", "O'Brien", "a=b", "1-2", "", "jean@example.ca"])
      expect(neutralizeCsvCell(v)).toBe(v);
  });

  it("quotes fields with commas, quotes or line breaks, and round-trips through the parser", () => {
    expect(csvField('Côté, "Mimi"')).toBe('"Côté, ""Mimi"""');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
    const line = csvLine(['=HYPERLINK("x")', "a,b", "plain", "multi\nline"]);
    const parsed = parseCsv(line);
    expect(parsed.ok && parsed.records[0]?.fields).toEqual([
      '\'=HYPERLINK("x")',
      "a,b",
      "plain",
      "multi\nline",
    ]);
  });
});
