import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { RevocationUrls } from "../../core/signing/pki-paths.ts";
import { keyIdOf } from "./certificate-facts.ts";
import { type CertificateAuthority, importCaKey, revocationExtensions } from "./dev-pki.ts";

const crypto = webcrypto as unknown as Crypto;
const DAY = 86_400_000;

/** The built-in TSA's certificate and key (PKCS#8 DER), before sealing. */
export interface TimestampAuthorityMaterial {
  certificateDer: Buffer;
  /** The TSA certificate, then its issuers. */
  chainDer: Buffer[];
  privateKeyPkcs8: Buffer;
}

/** Options of {@link issueTimestampAuthorityCertificate}. */
export interface TimestampAuthorityCertificateOptions {
  /** The issuer's OCSP responder, certificate and CRL URLs (AIA and CDP), by issuer key id. */
  revocationUrls: (issuerKeyId: string) => RevocationUrls;
  portalName?: string;
  country?: string;
  now?: Date;
  /** Validity in days (default 5 years, never past the issuing CA's own expiry). */
  validityDays?: number;
}

/**
 * Generates an RSA-3072 key and certifies it under `issuingCa` as the portal's timestamp
 * authority: extendedKeyUsage id-kp-timeStamping only and critical (RFC 3161 §2.3), keyUsage
 * digitalSignature + nonRepudiation (critical), not a CA, the CA's OCSP responder and CRL (AIA, CDP).
 */
export async function issueTimestampAuthorityCertificate(
  issuingCa: CertificateAuthority,
  options: TimestampAuthorityCertificateOptions,
): Promise<TimestampAuthorityMaterial> {
  const now = options.now ?? new Date();
  const portal = options.portalName ?? "Sceau";
  const caCert = new x509.X509Certificate(new Uint8Array(issuingCa.certificateDer));
  const { key: caKey, alg } = await importCaKey(issuingCa);
  const keys = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      hash: "SHA-256",
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength: 3072,
    },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01;
  const wanted = now.getTime() + (options.validityDays ?? 5 * 365) * DAY;
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial.toString("hex"),
      subject: [{ C: [options.country ?? "CA"] }, { O: [portal] }, { CN: [`${portal} Timestamp Authority`] }],
      issuer: caCert.subjectName,
      notBefore: new Date(now.getTime() - 3_600_000),
      notAfter: new Date(Math.min(wanted, caCert.notAfter.getTime())),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: alg,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
        ...revocationExtensions(options.revocationUrls(keyIdOf(issuingCa.certificateDer))),
      ],
    },
    crypto,
  );
  const der = Buffer.from(cert.rawData);
  return {
    certificateDer: der,
    chainDer: [der, ...issuingCa.chainDer],
    privateKeyPkcs8: Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey)),
  };
}
