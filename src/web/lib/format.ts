import type { Locale } from "../../core/i18n.types.ts";

const intlLocale = (lang: Locale) => (lang === "fr" ? "fr-CA" : "en-CA");

export function formatDateTime(iso: string, lang: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(iso: string, lang: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "long" }).format(date);
}

/** The institution's name in the reader's language. */
export function localizedName(named: { nameFr: string; nameEn: string }, lang: Locale): string {
  return lang === "fr" ? named.nameFr : named.nameEn;
}
