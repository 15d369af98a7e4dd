import { derChildren, readDer } from "../signing/der.ts";
import { issuedBy } from "./issued-by.ts";
import type { ParsedCrl } from "./parse-crl.ts";
import type { ParsedOcspResponse } from "./parse-ocsp-response.ts";
import type { ParsedCertificate } from "./parsed-certificate.ts";
import { bytesEqual } from "./pdf/pdf-values.ts";
import type { Keyed, RevocationData } from "./revocation-data.ts";
import { bytesKey, hashName, signatureHolds, type VerifierKit } from "./signature-algorithms.ts";

/** id-kp-OCSPSigning (RFC 5280 §4.2.1.12) and id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1). */
export const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
export const OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";
const MAX_RESPONDERS = 8;

/** What the embedded data says of one certificate at a validation time. */
export type CertificateStatus =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date }
  /** No usable statement: none names it, none is signed by its issuer, or none is fresh enough. */
  | { status: "none" };

/** The times a certificate's status is wanted for. */
export interface StatusTimes {
  /** When the certificate was used (signature or token time): "good" data must be issued at or after it. */
  usage: Date;
  /** The validation time: a revocation at or before it counts. */
  at: Date;
  /** The time of verification; when `at` is it, data whose nextUpdate has not passed is current. */
  now: Date;
}

interface Statement {
  revokedAt: Date | null;
  issued: Date;
  nextUpdate: Date | null;
}

/** True when the certificate carries id-pkix-ocsp-nocheck (a responder whose status is not asked). */
export function hasOcspNoCheck(cert: ParsedCertificate): boolean {
  return (cert.cert.extensions ?? []).some((e) => e.extnID === OCSP_NOCHECK);
}

/**
 * The status of `cert` (issued by `issuer`) at `times.at` from the embedded OCSP responses (signed
 * by the issuer or by a responder it delegated with id-kp-OCSPSigning; CertID with SHA-1 or SHA-2
 * naming the issuer's name and key and the serial) and CRLs (signed by the issuer). Revoked at or
 * before `at` → revoked; otherwise good when a statement issued at or after `usage` (or current at
 * `now`) says good, or revoked only after `at`.
 */
export async function certificateStatus(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  data: RevocationData,
  times: StatusTimes,
  kit: VerifierKit,
): Promise<CertificateStatus> {
  const statements = [
    ...(await ocspStatements(cert, issuer, data, kit)),
    ...(await crlStatements(cert, issuer, data, kit)),
  ].filter((s) => s.issued <= times.now);
  const revoked = statements
    .map((s) => s.revokedAt)
    .filter((d): d is Date => d !== null && d <= times.at)
    .sort((a, b) => a.getTime() - b.getTime());
  if (revoked[0]) return { status: "revoked", revokedAt: revoked[0] };
  const atNow = times.at.getTime() === times.now.getTime();
  const fresh = statements.some(
    (s) => s.issued >= times.usage || (atNow && s.nextUpdate !== null && s.nextUpdate >= times.now),
  );
  return fresh ? { status: "good" } : { status: "none" };
}

async function signedWith(
  item: Keyed<{ tbs: Uint8Array; signatureAlgorithm: string; signatureParams: unknown }> & {
    signature: Uint8Array;
  },
  spki: Uint8Array,
  kit: VerifierKit,
): Promise<boolean> {
  const k = bytesKey(spki);
  let ok = item.verified.get(k);
  if (ok === undefined) {
    ok = await signatureHolds(
      spki,
      item.signatureAlgorithm,
      item.signatureParams,
      item.tbs,
      item.signature,
      kit,
    );
    item.verified.set(k, ok);
  }
  return ok;
}

/** The subjectPublicKey bits of a SubjectPublicKeyInfo (what an OCSP CertID's issuerKeyHash hashes). */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  const bits = derChildren(spki, readDer(spki, 0))[1];
  if (bits?.tag !== 0x03) throw new Error("no subject public key");
  return spki.subarray(bits.contentStart + 1, bits.end);
}

async function ocspStatements(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  data: RevocationData,
  kit: VerifierKit,
): Promise<Statement[]> {
  const serial = cert.cert.serialNumber.valueBlock.valueHexView;
  const hashes = new Map<string, [Uint8Array, Uint8Array]>();
  const out: Statement[] = [];
  for (const response of data.ocsps) {
    const mine: Statement[] = [];
    for (const single of response.responses) {
      const h = hashName(single.hashAlgorithm);
      if (!h || !bytesEqual(single.serial, serial)) continue;
      let pair = hashes.get(h);
      if (!pair) {
        pair = [
          await kit.crypto.digest(h, cert.issuerRaw),
          await kit.crypto.digest(h, publicKeyBits(issuer.spkiRaw)),
        ];
        hashes.set(h, pair);
      }
      if (!bytesEqual(single.issuerNameHash, pair[0]) || !bytesEqual(single.issuerKeyHash, pair[1])) continue;
      if (single.status === "unknown") continue;
      mine.push({ revokedAt: single.revokedAt, issued: single.thisUpdate, nextUpdate: single.nextUpdate });
    }
    if (mine.length > 0 && (await ocspAuthorized(response, issuer, data, kit))) out.push(...mine);
  }
  return out;
}

/** Signed by the issuer itself, or by a responder the issuer certified for OCSP signing. */
async function ocspAuthorized(
  response: Keyed<ParsedOcspResponse>,
  issuer: ParsedCertificate,
  data: RevocationData,
  kit: VerifierKit,
): Promise<boolean> {
  if (await signedWith(response, issuer.spkiRaw, kit)) return true;
  const responders = [...response.certificates, ...data.certificates]
    .filter(
      (r) =>
        bytesEqual(r.issuerRaw, issuer.subjectRaw) &&
        r.extKeyUsage?.includes(OCSP_SIGNING) &&
        !r.unknownCritical &&
        r.notBefore <= response.producedAt &&
        response.producedAt <= r.notAfter,
    )
    .slice(0, MAX_RESPONDERS);
  for (const responder of responders) {
    if (!(await issuedBy(responder, issuer, kit))) continue;
    if (!hasOcspNoCheck(responder) && (await revokedByCrl(responder, issuer, data, response.producedAt, kit)))
      continue;
    if (await signedWith(response, responder.spkiRaw, kit)) return true;
  }
  return false;
}

async function issuerCrls(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  data: RevocationData,
  kit: VerifierKit,
): Promise<Keyed<ParsedCrl>[]> {
  const out: Keyed<ParsedCrl>[] = [];
  for (const crl of data.crls)
    if (bytesEqual(crl.issuerRaw, cert.issuerRaw) && (await signedWith(crl, issuer.spkiRaw, kit)))
      out.push(crl);
  return out;
}

async function crlStatements(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  data: RevocationData,
  kit: VerifierKit,
): Promise<Statement[]> {
  const serial = bytesKey(cert.cert.serialNumber.valueBlock.valueHexView);
  return (await issuerCrls(cert, issuer, data, kit)).map((crl) => ({
    revokedAt: crl.revoked.get(serial) ?? null,
    issued: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
  }));
}

/** A delegated responder without id-pkix-ocsp-nocheck: one of the issuer's CRLs lists it revoked by `at`. */
async function revokedByCrl(
  responder: ParsedCertificate,
  issuer: ParsedCertificate,
  data: RevocationData,
  at: Date,
  kit: VerifierKit,
): Promise<boolean> {
  const statements = await crlStatements(responder, issuer, data, kit);
  return statements.some((s) => s.revokedAt !== null && s.revokedAt <= at);
}
