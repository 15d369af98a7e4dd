/** One record of a CSV file and the line where it starts (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParseResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; problem: "unclosed_quote" | "quote_in_field" | "too_many_records" };

/**
 * A small RFC 4180 parser: comma-separated, fields optionally in double quotes (a quote inside
 * is doubled), quoted fields may hold commas and line breaks, records end with CRLF or LF.
 * Blank lines are skipped. Stops with an error past maxRecords, so a huge file costs little.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  /** At the start of a field (a quote here opens a quoted field). */
  let atFieldStart = true;
  /** The current record has a comma or a quoted field (so it is not a blank line). */
  let hasContent = false;
  const n = text.length;
  const endRecord = (): boolean => {
    fields.push(field);
    if (hasContent || field !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    atFieldStart = true;
    hasContent = false;
    return records.length <= maxRecords;
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && atFieldStart) {
      // A quoted field: read to the closing quote.
      atFieldStart = false;
      hasContent = true;
      const start = line;
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      if (!closed) return { ok: false, line: start, problem: "unclosed_quote" };
      const next = text[i];
      if (i < n && next !== "," && next !== "\n" && next !== "\r")
        return { ok: false, line, problem: "quote_in_field" };
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
      hasContent = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      i++;
      if (!endRecord()) return { ok: false, line: recordLine, problem: "too_many_records" };
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') return { ok: false, line, problem: "quote_in_field" };
    field += c;
    atFieldStart = false;
    i++;
  }
  if ((hasContent || field !== "") && !endRecord())
    return { ok: false, line: recordLine, problem: "too_many_records" };
  return { ok: true, records };
}

/**
 * The text of an uploaded CSV file: UTF-8, with or without a byte order mark. null when the bytes
 * are not valid UTF-8 (e.g. a Latin-1 or Windows-1252 export).
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
