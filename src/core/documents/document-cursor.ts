import { DomainError } from "../errors.ts";
import type { DocumentKey } from "../ports.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An opaque cursor (base64url of the key) for the registry's keyset pagination. */
export function encodeDocumentCursor(key: DocumentKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify([key.createdAt, key.id]));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The key in a cursor; validation_failed when encodeDocumentCursor did not make it. */
export function decodeDocumentCursor(cursor: string, field: string): DocumentKey {
  try {
    const v: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === "string" &&
      typeof v[1] === "string" &&
      TIMESTAMP.test(v[0]) &&
      UUID.test(v[1])
    )
      return { createdAt: v[0], id: v[1] };
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
