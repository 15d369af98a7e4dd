import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { type CertificateAuthority, importCaKey } from "./dev-pki.ts";

const crypto = webcrypto as unknown as Crypto;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** id-kp-OCSPSigning (RFC 5280 §4.2.1.12) and id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1). */
export const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
export const OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";
/** How long a delegated OCSP signing certificate lives. */
export const OCSP_SIGNER_VALIDITY_DAYS = 30;

/**
 * Issues a delegated OCSP signing certificate under `ca` (RFC 6960 §4.2.2.2): subject
 * "<CA common name> OCSP Responder", extended key usage OCSPSigning, id-pkix-ocsp-nocheck (its
 * own status is not asked), digitalSignature only, 30 days. A new key (P-256 under an ECDSA CA,
 * RSA-2048 otherwise).
 */
export async function issueOcspSigningCertificate(
  ca: CertificateAuthority,
  now: Date,
): Promise<{ certificateDer: Buffer; privateKeyPkcs8: Buffer; notAfter: Date }> {
  const caCert = new x509.X509Certificate(new Uint8Array(ca.certificateDer));
  const signing = await importCaKey(ca);
  const isEc = caCert.publicKey.algorithm.name === "ECDSA";
  const gen = isEc
    ? { name: "ECDSA", namedCurve: "P-256" }
    : {
        name: "RSASSA-PKCS1-v1_5",
        hash: "SHA-256",
        publicExponent: new Uint8Array([1, 0, 1]),
        modulusLength: 2048,
      };
  const keys = (await crypto.subtle.generateKey(gen, true, ["sign", "verify"])) as CryptoKeyPair;
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01;
  const cn = caCert.subjectName.getField("CN")[0] ?? "Sceau CA";
  const o = caCert.subjectName.getField("O")[0] ?? "Sceau";
  const c = caCert.subjectName.getField("C")[0] ?? "CA";
  const notAfter = new Date(now.getTime() + OCSP_SIGNER_VALIDITY_DAYS * DAY);
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial.toString("hex"),
      subject: [{ C: [c] }, { O: [o] }, { CN: [`${cn} OCSP Responder`] }],
      issuer: caCert.subjectName,
      notBefore: new Date(now.getTime() - HOUR),
      notAfter,
      publicKey: keys.publicKey,
      signingKey: signing.key,
      signingAlgorithm: signing.alg,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([OCSP_SIGNING], false),
        new x509.Extension(OCSP_NOCHECK, false, Uint8Array.of(0x05, 0x00)),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
      ],
    },
    crypto,
  );
  return {
    certificateDer: Buffer.from(cert.rawData),
    privateKeyPkcs8: Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey)),
    notAfter,
  };
}
