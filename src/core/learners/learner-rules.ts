import { isCalendarDate } from "../dates/calendar-date.ts";
import type { FieldIssue } from "../errors.ts";
import type { Bilingual, Locale } from "../i18n.types.ts";
import type { LearnerField, LearnerInput } from "./learners.types.ts";

export const STUDENT_NUMBER_MAX = 32;
export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export const REQUIRED: Bilingual = { fr: "Ce champ est obligatoire.", en: "This field is required." };

/** Lower case, accents removed: "Émilie Côté" → "emilie cote". */
export const foldText = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The text the search matches substrings against: "family given number emails", folded. */
export const learnerSearchText = (l: LearnerInput): string =>
  foldText(
    [l.familyName, l.givenName, l.studentNumber, l.institutionalEmail, l.personalEmail]
      .filter(Boolean)
      .join(" "),
  );

function checkDate(value: string, today: string): Bilingual | null {
  if (!isCalendarDate(value))
    return {
      fr: "Date invalide : utilisez le format AAAA-MM-JJ (ex. : 2004-09-27).",
      en: "Invalid date: use the YYYY-MM-DD format (e.g. 2004-09-27).",
    };
  if (value <= "1900-12-31" || value > today)
    return {
      fr: "Date de naissance invraisemblable : elle doit être après 1900 et pas dans le futur.",
      en: "Implausible date of birth: it must be after 1900 and not in the future.",
    };
  return null;
}

/** The raw values of a learner (from JSON or a CSV row), before checks. */
export type RawLearner = { [K in LearnerField]?: string | null };

/**
 * Normalises and checks a learner's fields. Fields left undefined are not checked (a partial
 * edit). Returns the clean values and every problem, by field.
 */
export function normalizeLearner(
  raw: RawLearner,
  today: string,
): { value: Partial<LearnerInput>; issues: FieldIssue[] } {
  const value: Partial<LearnerInput> = {};
  const issues: FieldIssue[] = [];
  const add = (path: LearnerField, message: Bilingual) => issues.push({ path, message });
  if (raw.studentNumber !== undefined) {
    const v = (raw.studentNumber ?? "").trim();
    if (!v) add("studentNumber", REQUIRED);
    else if (v.length > STUDENT_NUMBER_MAX)
      add("studentNumber", { fr: "Au plus 32 caractères.", en: "At most 32 characters." });
    else if (FORMULA_START.test(v) || [...v].some((ch) => ch.charCodeAt(0) < 32))
      add("studentNumber", {
        fr: "Le numéro d'étudiant contient des caractères non permis.",
        en: "The student number contains characters that are not allowed.",
      });
    value.studentNumber = v;
  }
  for (const key of ["givenName", "familyName"] as const) {
    if (raw[key] === undefined) continue;
    const original = raw[key] ?? "";
    const v = original.trim().replace(/\s+/g, " ");
    if (FORMULA_START.test(original) || FORMULA_START.test(v))
      add(key, {
        fr: "Un nom ne peut pas commencer par =, +, -, @, une tabulation ou un retour chariot (injection de formule de tableur).",
        en: "A name cannot start with =, +, -, @, a tab or a carriage return (spreadsheet formula injection).",
      });
    else if (!v) add(key, REQUIRED);
    else if (v.length > NAME_MAX) add(key, { fr: "Au plus 120 caractères.", en: "At most 120 characters." });
    value[key] = v;
  }
  if (raw.dateOfBirth !== undefined) {
    const v = (raw.dateOfBirth ?? "").trim();
    const problem = v ? checkDate(v, today) : null;
    if (problem) add("dateOfBirth", problem);
    value.dateOfBirth = v || null;
  }
  for (const key of ["institutionalEmail", "personalEmail"] as const) {
    if (raw[key] === undefined) continue;
    const v = (raw[key] ?? "").trim().toLowerCase();
    if (v && (v.length > EMAIL_MAX || !EMAIL_PATTERN.test(v)))
      add(key, { fr: "Adresse courriel invalide.", en: "Invalid email address." });
    value[key] = v || null;
  }
  if (raw.locale !== undefined) {
    const v = (raw.locale ?? "").trim().toLowerCase();
    const locale: Locale | null = !v
      ? "fr"
      : v === "fr" || v === "français" || v === "francais"
        ? "fr"
        : v === "en" || v === "english" || v === "anglais"
          ? "en"
          : null;
    if (!locale) add("locale", { fr: "Langue : fr ou en.", en: "Language: fr or en." });
    value.locale = locale ?? "fr";
  }
  return { value, issues };
}

/** True when two learners' editable fields are equal. */
export const sameLearner = (a: LearnerInput, b: LearnerInput): boolean =>
  a.studentNumber === b.studentNumber &&
  a.givenName === b.givenName &&
  a.familyName === b.familyName &&
  a.dateOfBirth === b.dateOfBirth &&
  a.institutionalEmail === b.institutionalEmail &&
  a.personalEmail === b.personalEmail &&
  a.locale === b.locale;
