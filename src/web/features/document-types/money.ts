import type { Locale } from "../../../core/i18n.types.ts";

/** A fee in cents as money in the reader's language, e.g. "15,00 $" or "$15.00"; 0 reads "free". */
export function formatFee(cents: number, currency: string, lang: Locale, free: string): string {
  if (cents === 0) return free;
  try {
    return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** "15", "15.5", "15,50" → 1550 cents; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!clean) return 0;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** 1250 → "12.50", or "12,50" in French: the amount as typed in a fee field. */
export const centsToText = (cents: number, lang: Locale = "en"): string => {
  const text = (cents / 100).toFixed(2);
  return lang === "fr" ? text.replace(".", ",") : text;
};
