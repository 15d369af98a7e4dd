import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a catalog as [dotted key, value]. */
function leaves(catalog: Catalog, prefix = ""): [string, unknown][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "object" && value !== null ? leaves(value, path) : [[path, value]];
  });
}

const catalogs = { fr: leaves(fr as Catalog), en: leaves(en as Catalog) };

/** The {{placeholders}} a message interpolates, sorted. */
function placeholders(message: unknown): string[] {
  return [...String(message).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("translation catalogs", () => {
  it("have exactly the same keys in French and English", () => {
    const frKeys = catalogs.fr.map(([key]) => key).sort();
    const enKeys = catalogs.en.map(([key]) => key).sort();
    expect(frKeys).toEqual(enKeys);
  });

  for (const [locale, entries] of Object.entries(catalogs)) {
    it(`has only non-empty strings in ${locale}`, () => {
      const bad = entries.filter(([, value]) => typeof value !== "string" || value.trim() === "");
      expect(bad.map(([key]) => key)).toEqual([]);
    });
  }

  it("uses the same placeholders in both languages", () => {
    const english = new Map(catalogs.en);
    const different = catalogs.fr
      .filter(([key]) => english.has(key))
      .filter(([key, value]) => placeholders(value).join() !== placeholders(english.get(key)).join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });
});
