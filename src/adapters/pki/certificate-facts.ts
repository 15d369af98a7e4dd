import "reflect-metadata";
import { createHash } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { derChildren, readDer } from "../../core/signing/der.ts";
import type { CertificateFacts } from "../../core/signing/revocation.ports.ts";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
/** Lowercase hexadecimal without leading zeros (a serial number as the portal compares it). */
export const normalSerial = (h: string) => h.toLowerCase().replace(/^0+(?=.)/, "");

/** The raw parts of a certificate an OCSP CertID hashes: the subject Name (DER) and the public key bits. */
export function certificateParts(der: Uint8Array): {
  serial: Uint8Array;
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  publicKeyBits: Uint8Array;
} {
  const cert = readDer(der, 0);
  const tbsNode = derChildren(der, cert)[0];
  if (!tbsNode) throw new Error("not a certificate");
  const tbs = derChildren(der, tbsNode);
  const o = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, , subject, spki] = tbs.slice(o);
  if (!serial || !issuer || !subject || !spki) throw new Error("not a certificate");
  const bits = derChildren(der, spki)[1];
  if (bits?.tag !== 0x03) throw new Error("no subject public key");
  return {
    serial: der.subarray(serial.contentStart, serial.end),
    subjectDer: der.subarray(subject.start, subject.end),
    issuerDer: der.subarray(issuer.start, issuer.end),
    publicKeyBits: der.subarray(bits.contentStart + 1, bits.end),
  };
}

/** SHA-1 of the certificate's subject public key (hex): a CA's key id in URLs and OCSP. */
export const keyIdOf = (der: Uint8Array) =>
  createHash("sha1").update(certificateParts(der).publicKeyBits).digest("hex");

/** Serial number, key id, authority key id and expiry of a certificate. */
export function certificateFacts(der: Uint8Array): CertificateFacts {
  const cert = new x509.X509Certificate(Uint8Array.from(der));
  const aki = cert.getExtension(x509.AuthorityKeyIdentifierExtension);
  return {
    serialNumber: normalSerial(hex(certificateParts(der).serial)),
    keyId: keyIdOf(der),
    authorityKeyId: aki?.keyId ? aki.keyId.toLowerCase() : null,
    notAfter: cert.notAfter,
  };
}
