import { DomainError } from "../errors.ts";

/** An opaque cursor for keyset pagination: base64url of the key's values as JSON (UTF-8). */
export function encodeCursor(values: string[]): string {
  let s = "";
  for (const b of new TextEncoder().encode(JSON.stringify(values))) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The values in a cursor made by encodeCursor, when there are `count` strings and `valid` accepts
 * them; otherwise validation_failed on `field` (a tampered or stale cursor).
 */
export function decodeCursor(
  cursor: string,
  field: string,
  count: number,
  valid: (values: string[]) => boolean,
): string[] {
  try {
    const bin = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const v: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (Array.isArray(v) && v.length === count && v.every((x) => typeof x === "string") && valid(v)) return v;
  } catch {
    // falls through to the error below
  }
  throw new DomainError("validation_failed", {
    issues: [
      {
        path: field,
        message: {
          fr: "Curseur de pagination invalide. Recommencez la recherche.",
          en: "Invalid pagination cursor. Start the search again.",
        },
      },
    ],
  });
}
