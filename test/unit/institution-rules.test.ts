import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.ts";
import { contrastWithWhite, normalizeInstitution } from "../../src/core/institutions/institution-rules.ts";
import { sniffImageType } from "../../src/core/institutions/set-institution-logo.ts";

describe("institution rules", () => {
  it("normalises slug, names, domain and colours", () => {
    expect(
      normalizeInstitution({
        slug: " Vieux-Port ",
        nameFr: "  Cégep   du Vieux-Port ",
        nameEn: "Old Port",
        emailDomain: "@VieuxPort.Example.CA",
        primaryColor: "#1F3A5F",
        accentColor: "#B8860B",
      }),
    ).toEqual({
      slug: "vieux-port",
      nameFr: "Cégep du Vieux-Port",
      nameEn: "Old Port",
      emailDomain: "vieuxport.example.ca",
      primaryColor: "#1f3a5f",
      accentColor: "#b8860b",
    });
  });

  it("reports every bad field with a bilingual message", () => {
    try {
      normalizeInstitution({
        slug: "-bad-",
        nameFr: " ",
        emailDomain: "no",
        primaryColor: "red",
        accentColor: "#12345",
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const issues = (e as DomainError).issues ?? [];
      expect(issues.map((i) => i.path)).toEqual([
        "slug",
        "nameFr",
        "emailDomain",
        "primaryColor",
        "accentColor",
      ]);
    }
  });

  it("refuses a primary colour on which white text fails WCAG AA", () => {
    expect(contrastWithWhite("#1f3a5f")).toBeGreaterThan(4.5);
    expect(contrastWithWhite("#ffff00")).toBeLessThan(4.5);
    expect(() => normalizeInstitution({ primaryColor: "#ffd700" })).toThrow(DomainError);
  });

  it("recognises images by their bytes, never by what the client claims", () => {
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      "image/png",
    );
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
