import { useTranslation } from "react-i18next";
import type { Locale } from "../../core/i18n.types.ts";
import { currentLocale } from "../i18n/i18n.ts";

/** The current interface language. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return currentLocale(i18n);
}
