import { createHash, createPrivateKey, sign } from "node:crypto";
import { appendDocumentTimestamp } from "../../../src/adapters/pdf/document-timestamp.ts";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { certificateParts } from "../../../src/adapters/pki/certificate-facts.ts";
import {
  type CertificateAuthority,
  createCrl,
  type DevelopmentPki,
  issueSigningCertificate,
  type RevokedSerial,
  type SigningIdentityMaterial,
} from "../../../src/adapters/pki/dev-pki.ts";
import { responseData, successfulResponse } from "../../../src/adapters/pki/ocsp-codec.ts";
import { issueOcspSigningCertificate } from "../../../src/adapters/pki/ocsp-signing-certificate.ts";
import {
  issueTimestampAuthorityCertificate,
  type TimestampAuthorityMaterial,
} from "../../../src/adapters/pki/timestamp-authority-certificate.ts";
import { timestampResponse } from "../../../src/adapters/pki/timestamp-response.ts";
import { appendDss, type ValidationData } from "../../../src/core/signing/append-dss.ts";
import { oid, tlv } from "../../../src/core/signing/der.ts";
import { samplePdf } from "../sample-pdf.ts";
import { FIELDS } from "./test-pki.ts";

const DAY = 86_400_000;
const URLS = () => ({
  ocsp: "http://127.0.0.1:9/ocsp",
  caIssuers: "http://127.0.0.1:9/ca.cer",
  crl: "http://127.0.0.1:9/crl",
});

/** Something that signs OCSP responses or CRLs: a certificate and its PKCS#8 key. */
export interface KeyHolder {
  certificateDer: Uint8Array;
  privateKeyPkcs8: Uint8Array;
}

/** A timestamp authority answering in-process at a clock the test moves (no network). */
export interface ClockedTsa {
  material: TimestampAuthorityMaterial;
  /** The genTime of the next token. */
  at: Date;
  fetch: typeof fetch;
}

/** A TSA certificate under `ca`, valid `years` from `issuedAt`, answering at `tsa.at`. */
export async function clockedTsa(
  ca: CertificateAuthority,
  issuedAt: Date,
  years: number,
): Promise<ClockedTsa> {
  const material = await issueTimestampAuthorityCertificate(ca, {
    revocationUrls: URLS,
    now: issuedAt,
    validityDays: Math.round(years * 365),
  });
  const privateKey = createPrivateKey({ key: material.privateKeyPkcs8, format: "der", type: "pkcs8" });
  const tsa: ClockedTsa = {
    material,
    at: issuedAt,
    fetch: (async (_url: unknown, init?: { body?: unknown }) => {
      const query = new Uint8Array(init?.body as Buffer);
      const signer = { certificateDer: material.certificateDer, issuersDer: ca.chainDer, privateKey };
      return new Response(Buffer.from(timestampResponse(signer, query, tsa.at)), {
        headers: { "content-type": "application/timestamp-reply" },
      });
    }) as typeof fetch,
  };
  return tsa;
}

/** A signing certificate under `ca` valid `days` from `issuedAt` (a short one expires well before the test's `now`). */
export function shortLivedIdentity(ca: CertificateAuthority, issuedAt: Date, days: number) {
  return issueSigningCertificate(ca, {
    institutionName: "Cégep de Démonstration",
    organization: "Cégep de Démonstration",
    country: "CA",
    crlUrl: "http://127.0.0.1:9/crl",
    keyAlgorithm: "ECDSA-P256",
    now: issuedAt,
    validityDays: days,
  });
}

/** Signs a sample PDF (B-B, or B-T when `tsa` is given, its token dated `tsa.at`). */
export async function signSample(id: SigningIdentityMaterial, tsa?: ClockedTsa): Promise<Uint8Array> {
  const signer = createPdfSigner({
    chainDer: id.chainDer,
    privateKeyPkcs8: id.privateKeyPkcs8,
    ...(tsa ? { tsaUrl: "http://tsa.invalid/", fetch: tsa.fetch } : {}),
  });
  return signer.sign(await samplePdf({ title: "Diplôme — long terme" }), FIELDS);
}

/** Appends a document timestamp dated `tsa.at`. */
export function stampDocument(pdf: Uint8Array, tsa: ClockedTsa): Promise<Uint8Array> {
  return appendDocumentTimestamp(pdf, { tsaUrl: "http://tsa.invalid/", fetch: tsa.fetch });
}

/** Appends a DSS (certificates, OCSP responses, CRLs). */
export function addDss(pdf: Uint8Array, data: ValidationData): Promise<Uint8Array> {
  return appendDss(pdf, data);
}

/** What an OCSP response says of a certificate. */
export type OcspAnswer = { status: "good" } | { status: "revoked"; revokedAt: Date };

/**
 * An OCSP response for `certDer` (issued by `issuerDer`), signed by `signer` (the CA itself, a
 * delegated responder, or a forger), produced at `producedAt`; the signer's certificate is
 * attached when `attach` is true. CertID with SHA-1 (default) or SHA-256.
 */
export function ocspResponse(input: {
  certDer: Uint8Array;
  issuerDer: Uint8Array;
  answer: OcspAnswer;
  producedAt: Date;
  signer: KeyHolder;
  attach?: boolean;
  certIdHash?: "sha1" | "sha256";
}): Uint8Array {
  const hash = input.certIdHash ?? "sha1";
  const h = (b: Uint8Array) => createHash(hash).update(b).digest();
  const cert = certificateParts(input.certDer);
  const issuer = certificateParts(input.issuerDer);
  const certId = tlv(
    0x30,
    tlv(0x30, oid(hash === "sha1" ? "1.3.14.3.2.26" : "2.16.840.1.101.3.4.2.1"), Uint8Array.of(0x05, 0x00)),
    tlv(0x04, h(cert.issuerDer)),
    tlv(0x04, h(issuer.publicKeyBits)),
    tlv(0x02, cert.serial),
  );
  const key = createPrivateKey({
    key: Buffer.from(input.signer.privateKeyPkcs8),
    format: "der",
    type: "pkcs8",
  });
  const tbs = responseData({
    responderKeyHash: createHash("sha1")
      .update(certificateParts(input.signer.certificateDer).publicKeyBits)
      .digest(),
    producedAt: input.producedAt,
    nextUpdate: new Date(input.producedAt.getTime() + DAY),
    answers: [
      {
        certId: { hashAlgorithm: "", issuerNameHash: "", issuerKeyHash: "", serialNumber: "", der: certId },
        status: input.answer.status === "good" ? input.answer : { ...input.answer, reason: null },
      },
    ],
    nonce: null,
  });
  const ec = key.asymmetricKeyType === "ec";
  return successfulResponse({
    tbs,
    signatureAlgorithm: ec
      ? tlv(0x30, oid("1.2.840.10045.4.3.2"))
      : tlv(0x30, oid("1.2.840.113549.1.1.11"), Uint8Array.of(0x05, 0x00)),
    signature: sign("sha256", tbs, key),
    certificates: input.attach ? [Uint8Array.from(input.signer.certificateDer)] : [],
  });
}

/** A delegated OCSP responder of `ca` (EKU OCSPSigning, id-pkix-ocsp-nocheck, 30 days from `at`). */
export async function delegatedResponder(ca: CertificateAuthority, at: Date): Promise<KeyHolder> {
  return issueOcspSigningCertificate(ca, at);
}

/** A CRL of `ca` issued at `at`. */
export async function crlOf(
  ca: CertificateAuthority,
  revoked: RevokedSerial[],
  at: Date,
): Promise<Uint8Array> {
  return new Uint8Array(await createCrl(ca, revoked, at));
}

/**
 * The validation data of a B-LT signature made at `t` by `id` with a signature timestamp from
 * `tsa`: OCSP (by the issuing CA) for the signer's and the TSA's certificates, the root's CRL for
 * the issuing CA, every certificate. `signerOcsp` replaces the signer's OCSP response.
 */
export async function validationData(
  pki: DevelopmentPki,
  id: SigningIdentityMaterial,
  tsa: ClockedTsa,
  at: Date,
  signerOcsp?: Uint8Array,
): Promise<ValidationData> {
  const issuing = pki.issuing;
  return {
    certificates: [
      id.certificateDer,
      tsa.material.certificateDer,
      issuing.certificateDer,
      pki.root.certificateDer,
    ],
    ocspResponses: [
      signerOcsp ??
        ocspResponse({
          certDer: id.certificateDer,
          issuerDer: issuing.certificateDer,
          answer: { status: "good" },
          producedAt: at,
          signer: issuing,
        }),
      ocspResponse({
        certDer: tsa.material.certificateDer,
        issuerDer: issuing.certificateDer,
        answer: { status: "good" },
        producedAt: at,
        signer: issuing,
        certIdHash: "sha256",
      }),
    ],
    crls: [await crlOf(pki.root, [], at)],
  };
}

export const days = (n: number) => n * DAY;
