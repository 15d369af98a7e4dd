import * as asn1js from "asn1js";
import { readDer } from "../signing/der.ts";
import { OID } from "../signing/oids.ts";
import { check } from "./check-messages.ts";
import { type FoundSignature, parsePdfDate } from "./find-signatures.ts";
import { nameAttribute, nameToString, type ParsedCertificate, serialHex } from "./parsed-certificate.ts";
import type { PdfFile } from "./pdf/pdf-file.ts";
import { decodeTextString, isDict, isInteger, isName, isString, type PdfValue } from "./pdf/pdf-values.ts";
import type { VerifierKit } from "./signature-algorithms.ts";
import { checkSignerInfo, parseSignedData } from "./signed-data.ts";
import { readTimestampToken, type TimestampTokenRead } from "./timestamp-token.ts";
import type { SignatureReport, SignerSummary } from "./verification.types.ts";

/** A signature checked on its own; coverage and DocMDP are added by the caller. */
export interface CheckedSignature {
  report: SignatureReport;
  /** End of the signed ranges (b + c), or null when /ByteRange is unusable. */
  signedEnd: number | null;
  /** Object number of the signature dictionary. */
  objectNumber: number;
  /** What the time-dependent checks (timestamp, chain, key usage, revocation) need; null when unreadable. */
  trust: TrustInput | null;
}

/** The intact parts of a signature or document timestamp, checked later at their validation times. */
export type TrustInput =
  | {
      kind: "signature";
      signer: ParsedCertificate;
      certificates: ParsedCertificate[];
      /** The signature timestamp token, or null when the signature has none. */
      token: TimestampTokenRead | null;
    }
  | { kind: "document_timestamp"; token: TimestampTokenRead };

const NO_SIGNER: SignerSummary = {
  commonName: null,
  organization: null,
  country: null,
  serialNumber: null,
  issuer: null,
};

function text(v: PdfValue | undefined): string | null {
  return isString(v) ? decodeTextString(v.bytes) : null;
}

function docMdpLevel(sig: FoundSignature["dict"]): number | null {
  const refs = sig.map.get("Reference");
  if (!Array.isArray(refs)) return null;
  for (const r of refs) {
    if (!isDict(r) || !isName(r.map.get("TransformMethod"), "DocMDP")) continue;
    const params = r.map.get("TransformParams");
    const p = isDict(params) ? params.map.get("P") : undefined;
    return isInteger(p) && p >= 1 && p <= 3 ? p : 2;
  }
  return null;
}

/**
 * Checks what one signature (or document timestamp) proves by itself: byte range, digest, CMS,
 * ESS binding, and the integrity of its timestamp token. The checks that depend on a validation
 * time (timestamp trust, chain, key usage, revocation) are added by `applyValidationTimes`.
 */
export async function verifySignatureField(
  file: PdfFile,
  found: FoundSignature,
  kit: VerifierKit,
): Promise<CheckedSignature> {
  const sig = found.dict;
  const bytes = file.bytes;
  const subFilterValue = sig.map.get("SubFilter");
  const subFilter = isName(subFilterValue) ? subFilterValue.value : null;
  const kind =
    isName(sig.map.get("Type"), "DocTimeStamp") || subFilter === "ETSI.RFC3161"
      ? "document_timestamp"
      : "signature";
  const claimedTime = parsePdfDate(text(sig.map.get("M")) ?? "");
  const report: SignatureReport = {
    fieldName: found.fieldName,
    kind,
    subFilter,
    signer: NO_SIGNER,
    signedAt: claimedTime?.toISOString() ?? null,
    timestamp: null,
    coversWholeDocument: false,
    docMdpLevel: kind === "signature" ? docMdpLevel(sig) : null,
    claimed: {
      name: text(sig.map.get("Name")),
      reason: text(sig.map.get("Reason")),
      location: text(sig.map.get("Location")),
    },
    checks: [],
  };
  const checks = report.checks;

  // /ByteRange: four integers [0 a b c], the gap exactly the /Contents hex string, inside the file.
  const br = sig.map.get("ByteRange");
  const contents = sig.map.get("Contents");
  const entry = file.entries.get(found.objectNumber);
  const ok =
    Array.isArray(br) &&
    br.length === 4 &&
    br.every((x) => isInteger(x) && x >= 0) &&
    isString(contents) &&
    contents.hex &&
    entry?.type === "n" &&
    br[0] === 0 &&
    br[1] === contents.start &&
    br[2] === contents.end &&
    (br[1] as number) > 0 &&
    (br[2] as number) + (br[3] as number) <= bytes.length;
  if (!ok) {
    checks.push(check("byte_range", "failed", "byte_range_invalid"));
    return { report, signedEnd: null, objectNumber: found.objectNumber, trust: null };
  }
  const [, a, b, c] = br as [number, number, number, number];
  checks.push(check("byte_range", "passed"));
  report.coversWholeDocument = b + c === bytes.length;
  const signed = new Uint8Array(a + c);
  signed.set(bytes.subarray(0, a), 0);
  signed.set(bytes.subarray(b, b + c), a);
  const der = cmsBytes(contents.bytes);

  if (kind === "document_timestamp") {
    const token: TimestampTokenRead = der
      ? await readTimestampToken(der, signed, kit)
      : { intact: false, time: null, tsa: null };
    return {
      report,
      signedEnd: b + c,
      objectNumber: found.objectNumber,
      trust: { kind: "document_timestamp", token },
    };
  }

  let parsed: ReturnType<typeof parseSignedData> | null = null;
  try {
    parsed = der ? parseSignedData(der, kit) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.eContent !== null || parsed.eContentType !== OID.data || !parsed.signer) {
    checks.push(check("cms_signature", "failed", "cms_malformed"));
    return { report, signedEnd: b + c, objectNumber: found.objectNumber, trust: null };
  }
  const signer = parsed.signer;
  report.signer = {
    commonName: nameAttribute(signer.cert.subject, "2.5.4.3"),
    organization: nameAttribute(signer.cert.subject, "2.5.4.10"),
    country: nameAttribute(signer.cert.subject, "2.5.4.6"),
    serialNumber: serialHex(signer.cert),
    issuer: nameToString(signer.cert.issuer),
  };
  const si = await checkSignerInfo(parsed, (h) => kit.crypto.digest(h, signed), OID.data, kit);
  checks.push(
    si.digest === "ok"
      ? check("digest", "passed")
      : check("digest", "failed", si.digest === "unsupported" ? "unsupported_algorithm" : "digest_mismatch"),
  );
  checks.push(
    si.signature === "ok"
      ? check("cms_signature", "passed")
      : check(
          "cms_signature",
          "failed",
          si.signature === "unsupported" ? "unsupported_algorithm" : "signature_invalid",
        ),
  );
  if (si.signingCertificate === "ok") checks.push(check("signing_certificate", "passed"));
  else if (si.signingCertificate === "missing" && subFilter !== "ETSI.CAdES.detached")
    checks.push(check("signing_certificate", "warning", "signing_certificate_missing"));
  else checks.push(check("signing_certificate", "failed", `signing_certificate_${si.signingCertificate}`));

  // Timestamp (PAdES B-T): over the signature value.
  const tsAttr = (parsed.signerInfo.unsignedAttrs?.attributes ?? []).filter(
    (x) => x.type === OID.signatureTimeStampToken,
  );
  let token: TimestampTokenRead | null = null;
  if (tsAttr.length > 0) {
    const value = tsAttr[0]?.values[0];
    token = value
      ? await readTimestampToken(new Uint8Array(value.toBER(false)), parsed.signatureValue, kit)
      : { intact: false, time: null, tsa: null };
  }
  return {
    report,
    signedEnd: b + c,
    objectNumber: found.objectNumber,
    trust: { kind: "signature", signer, certificates: parsed.certificates, token },
  };
}

/** The DER (or BER, as NSS writes) object at the start of /Contents, when the rest is zero padding; else null. */
function cmsBytes(contents: Uint8Array): Uint8Array | null {
  try {
    if (contents.length === 0 || contents[0] !== 0x30) return null;
    let end: number;
    if (contents[1] === 0x80) {
      const parsed = asn1js.fromBER(contents);
      if (parsed.offset <= 0) return null;
      end = parsed.offset;
    } else end = readDer(contents, 0).end;
    for (let i = end; i < contents.length; i++) if (contents[i] !== 0) return null;
    return contents.subarray(0, end);
  } catch {
    return null;
  }
}
