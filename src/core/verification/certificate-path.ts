import { issuedBy } from "./issued-by.ts";
import type { ParsedCertificate } from "./parsed-certificate.ts";
import { bytesEqual } from "./pdf/pdf-values.ts";
import type { VerifierKit } from "./signature-algorithms.ts";

/** Why no trusted path was found (the most specific reason met while searching). */
export type PathFailure =
  | "untrusted_chain"
  | "certificate_expired"
  | "certificate_not_yet_valid"
  | "issuer_not_ca"
  | "bad_certificate_signature"
  | "unknown_critical_extension";

export type PathResult = { ok: true; path: ParsedCertificate[] } | { ok: false; code: PathFailure };

const RANK: Record<PathFailure, number> = {
  untrusted_chain: 0,
  bad_certificate_signature: 1,
  issuer_not_ca: 2,
  unknown_critical_extension: 3,
  certificate_not_yet_valid: 4,
  certificate_expired: 5,
};

const MAX_DEPTH = 8;
const MAX_SIGNATURE_CHECKS = 64;

/**
 * Finds a path from `leaf` to one of `anchors`, each link's signature verified with the issuer's
 * key (names alone never suffice, so a look-alike CA is rejected), every certificate valid at
 * `at`, every issuer a CA (basicConstraints cA, keyCertSign when keyUsage is present, pathLen
 * respected), no unknown critical extension. Anchors are trusted as given but must be valid at `at`.
 */
export async function buildCertificatePath(
  leaf: ParsedCertificate,
  pool: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
  at: Date,
  kit: VerifierKit,
): Promise<PathResult> {
  let best: PathFailure = "untrusted_chain";
  let budget = MAX_SIGNATURE_CHECKS;
  const fail = (code: PathFailure) => {
    if (RANK[code] > RANK[best]) best = code;
  };
  const timeOk = (c: ParsedCertificate): boolean => {
    if (at < c.notBefore) {
      fail("certificate_not_yet_valid");
      return false;
    }
    if (at > c.notAfter) {
      fail("certificate_expired");
      return false;
    }
    return true;
  };

  const search = async (
    cert: ParsedCertificate,
    path: ParsedCertificate[],
  ): Promise<ParsedCertificate[] | null> => {
    if (cert.unknownCritical) {
      fail("unknown_critical_extension");
      return null;
    }
    if (!timeOk(cert)) return null;
    if (anchors.some((a) => bytesEqual(a.der, cert.der))) return path;
    if (path.length >= MAX_DEPTH) return null;
    const candidates = [...anchors, ...pool].filter(
      (c) => bytesEqual(c.subjectRaw, cert.issuerRaw) && !path.some((p) => bytesEqual(p.der, c.der)),
    );
    for (const issuer of candidates) {
      if (budget-- <= 0) return null;
      const ok = await issuedBy(cert, issuer, kit);
      if (!ok) {
        fail("bad_certificate_signature");
        continue;
      }
      if (issuer.isCa !== true || (issuer.keyUsage !== null && !issuer.keyUsage.has(5))) {
        fail("issuer_not_ca");
        continue;
      }
      const intermediates = path.length - 1; // CAs below `issuer` other than the leaf
      if (issuer.pathLen !== null && intermediates > issuer.pathLen) {
        fail("issuer_not_ca");
        continue;
      }
      const found = await search(issuer, [...path, issuer]);
      if (found) return found;
    }
    return null;
  };

  const found = await search(leaf, [leaf]);
  return found ? { ok: true, path: found } : { ok: false, code: best };
}
