import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv } from "../../src/core/csv/parse-csv.ts";

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`${r.problem} at ${r.line}`);
  return r.records.map((rec) => rec.fields);
};

describe("parseCsv (RFC 4180)", () => {
  it("reads plain fields, LF and CRLF line ends, and skips blank lines", () => {
    expect(fields("a,b,c\n1,2,3\r\n\r\n4,,6")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
      ["4", "", "6"],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and gives each record's first line", () => {
    const r = parseCsv('h1,h2\n"Côté, Émilie","say ""hi"""\n"line\r\nbreak",x\nlast,"y"');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => x.fields)).toEqual([
      ["h1", "h2"],
      ["Côté, Émilie", 'say "hi"'],
      ["line\r\nbreak", "x"],
      ["last", "y"],
    ]);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3, 5]);
  });

  it("keeps a row of empty fields (commas only) and a trailing empty field", () => {
    expect(fields(",\na,")).toEqual([
      ["", ""],
      ["a", ""],
    ]);
  });

  it("reports an unclosed or misplaced quote with its line", () => {
    expect(parseCsv('a\n"open\nstill')).toEqual({ ok: false, line: 2, problem: "unclosed_quote" });
    expect(parseCsv('a\nb"c')).toEqual({ ok: false, line: 2, problem: "quote_in_field" });
    expect(parseCsv('a\n"b"c')).toEqual({ ok: false, line: 2, problem: "quote_in_field" });
  });

  it("stops past the record limit", () => {
    expect(parseCsv("a\nb\nc\nd", 2)).toMatchObject({ ok: false, problem: "too_many_records" });
    expect(parseCsv("a\nb", 2).ok).toBe(true);
  });

  it("decodes UTF-8 with or without a BOM and refuses Latin-1 bytes", () => {
    expect(decodeUtf8(new TextEncoder().encode("é"))).toBe("é");
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))?.replace(/^\uFEFF/, "")).toBe("a");
    expect(decodeUtf8(Uint8Array.from([0x43, 0xe9, 0x67, 0x65, 0x70]))).toBeNull(); // "Cégep" in Latin-1
  });
});
