import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { SignatureLevel } from "./signing.types.ts";

/**
 * The level an institution's signatures get: the override (`sceau sign --level`), else its
 * setting, else B-LTA when it has a timestamp authority and B-B when it has none.
 */
export function signatureLevelOf(institution: Institution, override?: SignatureLevel | null): SignatureLevel {
  return override ?? institution.signatureLevel ?? (institution.tsaUrl ? "B-LTA" : "B-B");
}

/** The timestamp authority a level needs (null for B-B); tsa_required when it needs one and there is none. */
export function timestampAuthorityFor(institution: Institution, level: SignatureLevel): string | null {
  if (level === "B-B") return null;
  if (!institution.tsaUrl) throw new DomainError("tsa_required");
  return institution.tsaUrl;
}
