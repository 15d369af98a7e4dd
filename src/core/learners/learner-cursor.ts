import { DomainError } from "../errors.ts";

/** A position in the learners' order: the last (or first) row's family name, given name and id. */
export interface LearnerKey {
  familyName: string;
  givenName: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toBase64Url = (bytes: Uint8Array): string => {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** An opaque cursor (base64url of the key) for keyset pagination. */
export const encodeLearnerCursor = (k: LearnerKey): string =>
  toBase64Url(new TextEncoder().encode(JSON.stringify([k.familyName, k.givenName, k.id])));

/** The key in a cursor; validation_failed when it was not made by encodeLearnerCursor. */
export function decodeLearnerCursor(cursor: string, field: string): LearnerKey {
  try {
    const bin = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const v: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      typeof v[0] === "string" &&
      typeof v[1] === "string" &&
      typeof v[2] === "string" &&
      UUID.test(v[2])
    )
      return { familyName: v[0], givenName: v[1], id: v[2] };
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
