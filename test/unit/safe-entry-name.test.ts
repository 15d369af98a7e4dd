import { describe, expect, it } from "vitest";
import { safeEntryName } from "../../src/adapters/archive/yauzl-zip-reader.ts";

const name = (s: string, encoding: BufferEncoding = "utf8") => safeEntryName(Buffer.from(s, encoding));

describe("ZIP entry names", () => {
  it("accepts relative paths, sub-folders and accents (NFC)", () => {
    expect(name("a.pdf")).toBe("a.pdf");
    expect(name("2026/dec/Côté.pdf")).toBe("2026/dec/Côté.pdf");
    expect(name("e\u0301.pdf")).toBe("\u00e9.pdf");
    expect(name("folder/")).toBe("folder/");
  });

  it("refuses traversal, absolute paths, backslashes, drive letters, control characters and bad UTF-8", () => {
    for (const bad of [
      "../etc/passwd.pdf",
      "a/../../b.pdf",
      "/abs.pdf",
      "a\\..\\b.pdf",
      "C:evil.pdf",
      "a//b.pdf",
      "./a.pdf",
      "a\u0000.pdf",
      "new\nline.pdf",
      "",
      `${"x".repeat(300)}.pdf`,
    ])
      expect(name(bad), JSON.stringify(bad)).toBeNull();
    expect(safeEntryName(Buffer.from([0x61, 0xff, 0x2e, 0x70]))).toBeNull();
  });
});
