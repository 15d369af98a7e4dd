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

/** A count in the reader's conventions (French: "12 345" with a narrow no-break space). */
export function formatNumber(value: number, lang: Locale): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}

/** A calendar day (YYYY-MM-DD, UTC) as "5 nov." / "Nov 5", or with the year. */
export function formatDay(day: string, lang: Locale, withYear = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: "numeric",
    month: withYear ? "long" : "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(date);
}

/** The institution's name in the reader's language. */
export function localizedName(named: { nameFr: string; nameEn: string }, lang: Locale): string {
  return lang === "fr" ? named.nameFr : named.nameEn;
}
