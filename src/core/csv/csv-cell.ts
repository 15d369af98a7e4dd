/** A cell value a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage return. */
export const isFormulaLike = (value: string): boolean => /^[=+\-@\t\r]/.test(value);

/**
 * A value made safe for a CSV export opened in a spreadsheet (OWASP "CSV injection"): a value
 * that looks like a formula gets a leading apostrophe, so it shows as text and never runs.
 */
export const neutralizeCsvCell = (value: string): string => (isFormulaLike(value) ? `'${value}` : value);

/** One CSV field: neutralised, then quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = typeof value === "string" ? neutralizeCsvCell(value) : String(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line (no line ending) of neutralised, quoted fields. */
export const csvLine = (values: (string | number | boolean | null | undefined)[]): string =>
  values.map(csvField).join(",");
