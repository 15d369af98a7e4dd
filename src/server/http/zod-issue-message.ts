import type { Bilingual } from "../../core/i18n.types.ts";

/** A validation issue as fastify-type-provider-zod reports it (a Zod issue's code, path and details). */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : "");

/** What a person reads for a schema validation issue, in French and English. */
export function zodIssueMessage(issue: SchemaIssue): Bilingual {
  const p = issue.params ?? {};
  const n = typeof p.minimum === "number" || typeof p.minimum === "bigint" ? String(p.minimum) : "";
  const m = typeof p.maximum === "number" || typeof p.maximum === "bigint" ? String(p.maximum) : "";
  const isString = p.origin === "string";
  switch (issue.keyword) {
    case "invalid_type":
      if (issue.message?.includes("received undefined"))
        return { fr: "Ce champ est obligatoire.", en: "This field is required." };
      return {
        fr: `Type invalide : ${String(p.expected ?? "autre")} attendu.`,
        en: `Invalid type: ${String(p.expected ?? "other")} expected.`,
      };
    case "too_small":
      if (isString && n === "1") return { fr: "Ce champ est obligatoire.", en: "This field is required." };
      return isString
        ? { fr: `Au moins ${n} caractères.`, en: `At least ${n} characters.` }
        : { fr: `La valeur doit être d'au moins ${n}.`, en: `The value must be at least ${n}.` };
    case "too_big":
      return isString
        ? { fr: `Au plus ${m} caractères.`, en: `At most ${m} characters.` }
        : { fr: `La valeur doit être d'au plus ${m}.`, en: `The value must be at most ${m}.` };
    case "invalid_format":
      if (p.format === "email") return { fr: "Adresse courriel invalide.", en: "Invalid email address." };
      return { fr: "Format invalide.", en: "Invalid format." };
    case "unrecognized_keys":
      return { fr: `Champ non reconnu : ${list(p.keys)}.`, en: `Unrecognized field: ${list(p.keys)}.` };
    case "invalid_value":
      return {
        fr: `Valeur non permise. Valeurs possibles : ${list(p.values)}.`,
        en: `Value not allowed. Allowed values: ${list(p.values)}.`,
      };
    default:
      return { fr: "Valeur invalide.", en: "Invalid value." };
  }
}

/** "/items/0/name" → "items.0.name" */
export const issuePath = (instancePath: string): string =>
  instancePath.replace(/^\//, "").replaceAll("/", ".");
