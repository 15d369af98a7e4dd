import type { Locale } from "../../core/i18n.types.ts";

export const LOCALE_STORAGE_KEY = "sceau.locale";

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

/** French for any fr* browser language listed before an English one; English otherwise. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower === "fr" || lower.startsWith("fr-")) return "fr";
    if (lower === "en" || lower.startsWith("en-")) return "en";
  }
  return "en";
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The language to start in: the one the person chose before, else the browser's. */
export function initialLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return readStoredLocale() ?? localeFromLanguages(languages);
}

/** Remembers an explicit choice of language. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing or storage disabled: the choice lasts for this page only.
  }
}
