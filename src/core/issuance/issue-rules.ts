import { isFormulaLike } from "../csv/csv-cell.ts";
import { isCalendarDate } from "../dates/calendar-date.ts";
import type { Bilingual } from "../i18n.types.ts";

export const TITLE_MAX = 200;
export const EXTERNAL_ID_MAX = 100;
/** The largest PDF one may issue. */
export const PDF_MAX_BYTES = 20 * 1024 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A document title: 1–200 characters, no control characters, not a spreadsheet formula. */
export function titleProblem(title: string): Bilingual | null {
  if (title.trim() === "") return { fr: "Le titre est obligatoire.", en: "The title is required." };
  if (title.length > TITLE_MAX)
    return {
      fr: `Le titre dépasse ${TITLE_MAX} caractères.`,
      en: `The title is longer than ${TITLE_MAX} characters.`,
    };
  if (CONTROL.test(title))
    return {
      fr: "Le titre contient des caractères de contrôle.",
      en: "The title contains control characters.",
    };
  if (isFormulaLike(title))
    return {
      fr: "Le titre commence par =, +, -, @ : un tableur le prendrait pour une formule. Retirez ce caractère.",
      en: "The title starts with =, +, -, @: a spreadsheet would take it for a formula. Remove that character.",
    };
  return null;
}

/** An issue date: a real day, YYYY-MM-DD, from 1900 to today. */
export function issueDateProblem(value: string, today: string): Bilingual | null {
  if (!isCalendarDate(value))
    return {
      fr: "Date de délivrance invalide : utilisez le format AAAA-MM-JJ (ex. : 2026-06-15).",
      en: "Invalid issue date: use the YYYY-MM-DD format (e.g. 2026-06-15).",
    };
  if (value < "1900-01-01" || value > today)
    return {
      fr: "La date de délivrance ne peut pas être dans le futur ni avant 1900.",
      en: "The issue date cannot be in the future or before 1900.",
    };
  return null;
}

/** The institution's own id: 1–100 letters, digits and . _ - / : # (no spaces). */
export function externalIdProblem(value: string): Bilingual | null {
  if (value === "")
    return { fr: "L'identifiant externe est obligatoire.", en: "The external id is required." };
  if (value.length > EXTERNAL_ID_MAX || !/^[\p{L}\p{N}][\p{L}\p{N}._\-/:#]*$/u.test(value))
    return {
      fr: `Identifiant externe invalide : jusqu'à ${EXTERNAL_ID_MAX} lettres, chiffres ou . _ - / : # sans espace, commençant par une lettre ou un chiffre.`,
      en: `Invalid external id: up to ${EXTERNAL_ID_MAX} letters, digits or . _ - / : # without spaces, starting with a letter or digit.`,
    };
  return null;
}
