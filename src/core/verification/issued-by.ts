import type { ParsedCertificate } from "./parsed-certificate.ts";
import {
  bytesKey,
  remember,
  UnsupportedAlgorithmError,
  type VerifierKit,
  verifySignature,
} from "./signature-algorithms.ts";

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
    try {
      ok = await verifySignature(
        issuer.spkiRaw,
        cert.signatureAlgorithm,
        cert.signatureParams,
        null,
        cert.tbs,
        cert.signatureValue,
        kit,
      );
    } catch (e) {
      if (!(e instanceof UnsupportedAlgorithmError)) throw e;
      ok = false;
    }
    remember(kit.cache.links, kit.cache.limit, linkKey, ok);
  }
  return ok;
}
