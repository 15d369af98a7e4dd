import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { KeyAlgorithm } from "../../core/signing/signing.types.ts";

const crypto = webcrypto as unknown as Crypto;

/** A certification authority: its certificate and its private key (PKCS#8 DER). */
export interface CertificateAuthority {
  certificateDer: Buffer;
  certificatePem: string;
  privateKeyPkcs8: Buffer;
  /** This CA's certificate then its issuers up to the root (a root's chain is itself). */
  chainDer: Buffer[];
}

/** The development PKI: a self-signed portal root and the issuing CA it certifies. */
export interface DevelopmentPki {
  root: CertificateAuthority;
  issuing: CertificateAuthority;
}

/** An institution's signing identity: certificate, chain (leaf, issuing CA, root) and key. */
export interface SigningIdentityMaterial {
  certificateDer: Buffer;
  certificatePem: string;
  /** Leaf first, then the issuing CA, then the root. */
  chainDer: Buffer[];
  privateKeyPkcs8: Buffer;
  /** Serial number in lowercase hexadecimal (as the CRL lists it). */
  serialNumber: string;
}

/** Options of {@link createDevelopmentPki}. */
export interface DevelopmentPkiOptions {
  /** Portal name used in the CA subjects (default "Sceau"). */
  portalName?: string;
  country?: string;
  /** CA key algorithm (default RSA-3072). */
  keyAlgorithm?: KeyAlgorithm;
  /** Issue time (default: now). */
  now?: Date;
  /** CRL URL written in the issuing CA certificate (optional). */
  crlUrl?: string;
}

/** Options of {@link issueSigningCertificate}. */
export interface SigningCertificateOptions {
  institutionName: string;
  organization: string;
  /** ISO 3166 two-letter code, e.g. "CA". */
  country: string;
  /** Where the portal serves the issuing CA's CRL. */
  crlUrl: string;
  keyAlgorithm: KeyAlgorithm;
  now?: Date;
  /** Validity in days (default 3 years). */
  validityDays?: number;
}

const DAY = 86_400_000;

function keyParams(alg: KeyAlgorithm): {
  gen: RsaHashedKeyGenParams | EcKeyGenParams;
  sign: Algorithm | EcdsaParams;
} {
  if (alg === "ECDSA-P256")
    return {
      gen: { name: "ECDSA", namedCurve: "P-256" },
      sign: { name: "ECDSA", hash: "SHA-256" } as EcdsaParams,
    };
  const modulusLength = alg === "RSA-3072" ? 3072 : 2048;
  return {
    gen: {
      name: "RSASSA-PKCS1-v1_5",
      hash: "SHA-256",
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength,
    },
    sign: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
  };
}

function serial(): string {
  const b = randomBytes(16);
  b[0] = ((b[0] as number) & 0x7f) | 0x01;
  return b.toString("hex");
}

function name(cn: string, o: string, c: string): x509.JsonName {
  return [{ C: [c] }, { O: [o] }, { CN: [cn] }];
}

async function importCaKey(
  ca: CertificateAuthority,
): Promise<{ key: CryptoKey; alg: Algorithm | EcdsaParams }> {
  const cert = new x509.X509Certificate(new Uint8Array(ca.certificateDer));
  const isEc = cert.publicKey.algorithm.name === "ECDSA";
  const importAlg = isEc
    ? { name: "ECDSA", namedCurve: (cert.publicKey.algorithm as EcKeyAlgorithm).namedCurve }
    : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const key = await crypto.subtle.importKey("pkcs8", new Uint8Array(ca.privateKeyPkcs8), importAlg, false, [
    "sign",
  ]);
  return {
    key,
    alg: isEc ? ({ name: "ECDSA", hash: "SHA-256" } as EcdsaParams) : { name: "RSASSA-PKCS1-v1_5" },
  };
}

async function exportKey(key: CryptoKey): Promise<Buffer> {
  return Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
}

function toCa(cert: x509.X509Certificate, pkcs8: Buffer, issuers: Buffer[]): CertificateAuthority {
  const der = Buffer.from(cert.rawData);
  return {
    certificateDer: der,
    certificatePem: cert.toString("pem"),
    privateKeyPkcs8: pkcs8,
    chainDer: [der, ...issuers],
  };
}

/** Creates the portal's development PKI: a self-signed root CA (20 years) and an issuing CA (10 years). */
export async function createDevelopmentPki(options: DevelopmentPkiOptions = {}): Promise<DevelopmentPki> {
  const now = options.now ?? new Date();
  const portal = options.portalName ?? "Sceau";
  const country = options.country ?? "CA";
  const { gen, sign } = keyParams(options.keyAlgorithm ?? "RSA-3072");
  const rootKeys = (await crypto.subtle.generateKey(gen, true, ["sign", "verify"])) as CryptoKeyPair;
  const rootName = name(`${portal} Root CA`, portal, country);
  const rootCert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial(),
      name: rootName,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 20 * 365 * DAY),
      keys: rootKeys,
      signingAlgorithm: sign,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const root = toCa(rootCert, await exportKey(rootKeys.privateKey), []);
  const issuingKeys = (await crypto.subtle.generateKey(gen, true, ["sign", "verify"])) as CryptoKeyPair;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey, false, crypto),
    await x509.AuthorityKeyIdentifierExtension.create(rootCert, false, crypto),
  ];
  if (options.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([options.crlUrl]));
  const issuingCert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial(),
      subject: name(`${portal} Issuing CA`, portal, country),
      issuer: rootCert.subjectName,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 10 * 365 * DAY),
      publicKey: issuingKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: sign,
      extensions,
    },
    crypto,
  );
  const issuing = toCa(issuingCert, await exportKey(issuingKeys.privateKey), [root.certificateDer]);
  return { root, issuing };
}

/**
 * Issues an institution's document-signing certificate under `issuingCa`: subject
 * CN=institutionName, O=organization, C=country; keyUsage digitalSignature + nonRepudiation
 * (critical); CRL distribution point `crlUrl`. Generates the key pair.
 */
export async function issueSigningCertificate(
  issuingCa: CertificateAuthority,
  options: SigningCertificateOptions,
): Promise<SigningIdentityMaterial> {
  const { gen } = keyParams(options.keyAlgorithm);
  const keys = (await crypto.subtle.generateKey(gen, true, ["sign", "verify"])) as CryptoKeyPair;
  const certified = await certifySigningKey(issuingCa, keys.publicKey, options);
  return { ...certified, privateKeyPkcs8: await exportKey(keys.privateKey) };
}

/**
 * The same certificate for a public key whose private half is elsewhere (a hardware token):
 * `publicKey` is a CryptoKey or SubjectPublicKeyInfo DER. `options.keyAlgorithm` is not used.
 */
export async function certifySigningKey(
  issuingCa: CertificateAuthority,
  publicKey: CryptoKey | Uint8Array,
  options: Omit<SigningCertificateOptions, "keyAlgorithm">,
): Promise<Omit<SigningIdentityMaterial, "privateKeyPkcs8">> {
  const now = options.now ?? new Date();
  const subjectKey = publicKey instanceof Uint8Array ? Uint8Array.from(publicKey) : publicKey;
  const ca = await importCaKey(issuingCa);
  const caCert = new x509.X509Certificate(new Uint8Array(issuingCa.certificateDer));
  const serialNumber = serial();
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber,
      subject: name(options.institutionName, options.organization, options.country),
      issuer: caCert.subjectName,
      notBefore: new Date(now.getTime() - 3_600_000),
      notAfter: new Date(now.getTime() + (options.validityDays ?? 3 * 365) * DAY),
      publicKey: subjectKey,
      signingKey: ca.key,
      signingAlgorithm: ca.alg,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(subjectKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
        new x509.CRLDistributionPointsExtension([options.crlUrl]),
      ],
    },
    crypto,
  );
  const der = Buffer.from(cert.rawData);
  return {
    certificateDer: der,
    certificatePem: cert.toString("pem"),
    chainDer: [der, ...issuingCa.chainDer],
    serialNumber,
  };
}

/** A revoked certificate: its hexadecimal serial number and, optionally, when it was revoked. */
export type RevokedSerial = string | { serialNumber: string; revokedAt: Date };

/** Creates the issuing CA's CRL (DER), valid 7 days from `now`. */
export async function createCrl(
  issuingCa: CertificateAuthority,
  revokedSerials: RevokedSerial[],
  now: Date,
): Promise<Buffer> {
  const ca = await importCaKey(issuingCa);
  const caCert = new x509.X509Certificate(new Uint8Array(issuingCa.certificateDer));
  const crlNumber = Math.floor(now.getTime() / 1000);
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: caCert.subjectName,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 7 * DAY),
      signingKey: ca.key,
      signingAlgorithm: ca.alg,
      extensions: [
        await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
        new x509.Extension("2.5.29.20", false, derInteger(crlNumber)),
      ],
      entries: revokedSerials.map((r) =>
        typeof r === "string"
          ? { serialNumber: r, revocationDate: now }
          : { serialNumber: r.serialNumber, revocationDate: r.revokedAt },
      ),
    },
    crypto,
  );
  return Buffer.from(crl.rawData);
}

function derInteger(n: number): Uint8Array<ArrayBuffer> {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, "hex");
  return Uint8Array.from([0x02, body.length, ...body]);
}

/** PEM-encodes DER certificates (for `sceau pki export-roots`, NSS or OpenSSL). */
export function certificatesToPem(ders: readonly Uint8Array[]): string {
  return ders.map((d) => x509.PemConverter.encode(Uint8Array.from(d).buffer, "CERTIFICATE")).join("\n");
}
