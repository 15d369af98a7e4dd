import { DomainError, type FieldIssue } from "../errors.ts";
import type { DocumentTypeInput } from "./document-types.types.ts";

export const DOCUMENT_TYPE_CODE_PATTERN = /^[A-Z0-9_-]{1,32}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Largest fee accepted, in cents (a PostgreSQL integer holds more; this keeps typos out). */
export const MAX_FEE_CENTS = 100_000_000;

const required = { fr: "Ce champ est obligatoire.", en: "This field is required." };

/** Normalises and checks a document type's fields; throws validation_failed with every problem. */
export function normalizeDocumentType<T extends Partial<DocumentTypeInput>>(input: T): T {
  const out = { ...input };
  const issues: FieldIssue[] = [];
  if (out.code !== undefined) {
    out.code = out.code.trim().toUpperCase();
    if (!DOCUMENT_TYPE_CODE_PATTERN.test(out.code))
      issues.push({
        path: "code",
        message: {
          fr: "De 1 à 32 lettres majuscules, chiffres, traits d'union ou traits de soulignement (ex. : RELEVE).",
          en: "1 to 32 capital letters, digits, hyphens or underscores (e.g. TRANSCRIPT).",
        },
      });
  }
  for (const key of ["nameFr", "nameEn"] as const) {
    if (out[key] !== undefined) {
      out[key] = out[key].trim().replace(/\s+/g, " ");
      if (!out[key]) issues.push({ path: key, message: required });
    }
  }
  for (const key of ["descriptionFr", "descriptionEn"] as const) {
    if (out[key] !== undefined) out[key] = out[key].trim();
  }
  for (const key of ["unlockFeeCents", "shareFeeCents"] as const) {
    const v = out[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > MAX_FEE_CENTS))
      issues.push({
        path: key,
        message: {
          fr: "Montant en cents : un nombre entier de 0 (gratuit) à 100 000 000.",
          en: "Amount in cents: a whole number from 0 (free) to 100,000,000.",
        },
      });
  }
  if (out.currency !== undefined) {
    out.currency = out.currency.trim().toUpperCase();
    if (!CURRENCY_PATTERN.test(out.currency))
      issues.push({
        path: "currency",
        message: {
          fr: "Code de devise ISO 4217 de trois lettres (ex. : CAD).",
          en: "Three-letter ISO 4217 currency code (e.g. CAD).",
        },
      });
  }
  const days = out.defaultShareDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 366))
    issues.push({
      path: "defaultShareDays",
      message: { fr: "Un nombre de jours entre 1 et 366.", en: "A number of days between 1 and 366." },
    });
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  return out;
}
