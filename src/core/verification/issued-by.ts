import type { ParsedCertificate } from "./parsed-certificate.ts";
import { bytesKey, remember, signatureHolds, type VerifierKit } from "./signature-algorithms.ts";

/**
 * True when `issuer`'s key verifies `cert`'s signature (names alone never suffice). Results are
 * remembered in the kit's cache, keyed by the certificate's full DER and the issuer's key.
 */
export async function issuedBy(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  kit: VerifierKit,
): Promise<boolean> {
  const linkKey = `${bytesKey(cert.der)}|${bytesKey(issuer.spkiRaw)}`;
  let ok = kit.cache.links.get(linkKey);
  if (ok === undefined) {
    ok = await signatureHolds(
      issuer.spkiRaw,
      cert.signatureAlgorithm,
      cert.signatureParams,
      cert.tbs,
      cert.signatureValue,
      kit,
    );
    remember(kit.cache.links, kit.cache.limit, linkKey, ok);
  }
  return ok;
}
