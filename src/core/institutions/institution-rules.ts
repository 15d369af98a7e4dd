import { DomainError, type FieldIssue } from "../errors.ts";
import { isHttpUrl } from "../is-http-url.ts";
import type { InstitutionInput, InstitutionSigningSettings } from "./institutions.types.ts";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;
export const DOMAIN_PATTERN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Relative luminance (WCAG 2.x) of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of white text on this colour. */
export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

/** Normalises and checks an institution's fields; throws validation_failed with every problem. */
export function normalizeInstitution<T extends Partial<InstitutionInput>>(input: T): T {
  const out = { ...input };
  const issues: FieldIssue[] = [];
  if (out.slug !== undefined) {
    out.slug = out.slug.trim().toLowerCase();
    if (!SLUG_PATTERN.test(out.slug))
      issues.push({
        path: "slug",
        message: {
          fr: "De 1 à 40 lettres minuscules, chiffres ou traits d'union, sans trait d'union au début ni à la fin.",
          en: "1 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen.",
        },
      });
  }
  for (const key of ["nameFr", "nameEn"] as const) {
    if (out[key] !== undefined) {
      out[key] = out[key].trim().replace(/\s+/g, " ");
      if (!out[key])
        issues.push({
          path: key,
          message: { fr: "Ce champ est obligatoire.", en: "This field is required." },
        });
    }
  }
  if (out.emailDomain !== undefined && out.emailDomain !== null) {
    const d = out.emailDomain.trim().toLowerCase().replace(/^@/, "");
    out.emailDomain = d || null;
    if (d && !DOMAIN_PATTERN.test(d))
      issues.push({
        path: "emailDomain",
        message: {
          fr: "Nom de domaine invalide (ex. : cegep.example.ca).",
          en: "Invalid domain name (e.g. cegep.example.ca).",
        },
      });
  }
  for (const key of ["primaryColor", "accentColor"] as const) {
    if (out[key] !== undefined) {
      out[key] = out[key].trim().toLowerCase();
      if (!COLOR_PATTERN.test(out[key]))
        issues.push({
          path: key,
          message: { fr: "Couleur au format #rrggbb.", en: "Colour in #rrggbb format." },
        });
      else if (key === "primaryColor" && contrastWithWhite(out[key]) < 4.5)
        issues.push({
          path: key,
          message: {
            fr: "Couleur trop claire : le texte blanc doit rester lisible (contraste d'au moins 4,5:1).",
            en: "Colour too light: white text must stay readable (contrast of at least 4.5:1).",
          },
        });
    }
  }
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  return out;
}

/** Checks the signing settings: the timestamp authority must be an http(s) URL. */
export function normalizeSigningSettings(input: InstitutionSigningSettings): InstitutionSigningSettings {
  const out: InstitutionSigningSettings = {};
  if (input.stampEnabled !== undefined) out.stampEnabled = input.stampEnabled;
  if (input.tsaUrl !== undefined) {
    const url = input.tsaUrl?.trim() || null;
    if (url && !isHttpUrl(url))
      throw new DomainError("validation_failed", {
        issues: [
          {
            path: "tsaUrl",
            message: {
              fr: "Adresse invalide : elle doit commencer par http:// ou https://.",
              en: "Invalid address: it must start with http:// or https://.",
            },
          },
        ],
      });
    out.tsaUrl = url;
  }
  if (input.signatureLevel !== undefined) out.signatureLevel = input.signatureLevel;
  return out;
}
