import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../core/i18n.types.ts";
import en from "./en.json";
import fr from "./fr.json";
import { initialLocale, isLocale, storeLocale } from "./locale.ts";

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

/** Creates the i18next instance of the app and keeps `<html lang>` in sync with it. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  instance.on("languageChanged", (language) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: initialLocale(),
    fallbackLng: "en",
    supportedLngs: ["fr", "en"],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The current language of an i18next instance, as one of the two locales of the app. */
export function currentLocale(instance: i18n): Locale {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocale(language) ? language : "en";
}

/** Switches the interface language and remembers the choice. */
export async function switchLocale(instance: i18n, locale: Locale): Promise<void> {
  storeLocale(locale);
  await instance.changeLanguage(locale);
}
