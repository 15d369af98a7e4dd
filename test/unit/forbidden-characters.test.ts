import { describe, expect, it } from "vitest";
import { cellCharacterIssue } from "../../src/core/csv/read-csv-table.ts";
import { forbiddenCharacterPaths, hasForbiddenCharacter } from "../../src/core/forbidden-characters.ts";

describe("forbidden characters (U+0000, lone surrogates)", () => {
  it("finds a NUL and either half of a surrogate pair alone, never a whole pair or other text", () => {
    for (const v of ["\u0000", "a\u0000b", "\uD800", "x\uDBFF", "\uDC00y", "\uDE00\uD83D"])
      expect(hasForbiddenCharacter(v), JSON.stringify(v)).toBe(true);
    for (const v of ["", "Émilie Côté", "🎓", "a\u0001b\tc\r\n", "\uFFFD", "%00"])
      expect(hasForbiddenCharacter(v), JSON.stringify(v)).toBe(false);
  });

  it("names the path of every offending string and key in a parsed value, in order", () => {
    const body = {
      name: "ok",
      items: [{ title: "t\u0000" }, { title: "fine" }, { title: "\uD800" }],
      "k\u0000": 1,
      nested: { deep: ["a", "b\u0000"] },
      bytes: new Uint8Array([0, 0]),
    };
    expect(forbiddenCharacterPaths(body)).toEqual([
      "items.0.title",
      "items.2.title",
      "k\\u0000",
      "nested.deep.1",
    ]);
    expect(forbiddenCharacterPaths("x\u0000")).toEqual([""]);
    expect(forbiddenCharacterPaths({ a: 1, b: null, c: true })).toEqual([]);
    expect(
      forbiddenCharacterPaths(
        Array.from({ length: 50 }, () => "\u0000"),
        3,
      ),
    ).toHaveLength(3);
  });

  it("walks a deeply nested value without running out of stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const [path] = forbiddenCharacterPaths(deep);
    expect(path).toMatch(/^0\.0\.0.*…$/);
    expect(path?.length).toBe(201);
  });

  it("describes a CSV cell's problem by line and column, in French and English", () => {
    expect(cellCharacterIssue(4, "title | titre", "ok")).toBeNull();
    const issue = cellCharacterIssue(4, "title | titre", "a\u0000");
    expect(issue?.fr).toMatch(/^Ligne 4, colonne title \| titre : caractère interdit/);
    expect(issue?.en).toMatch(/^Line 4, column title \| titre: forbidden character/);
  });
});
