/** The two languages every person-facing string exists in. */
export type Locale = "fr" | "en";
export const LOCALES: readonly Locale[] = ["fr", "en"];

/** A text a person reads, in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}
