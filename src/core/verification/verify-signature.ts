import * as asn1js from "asn1js";
import { readDer } from "../signing/der.ts";
import { OID } from "../signing/oids.ts";
import { buildCertificatePath } from "./certificate-path.ts";
import { check } from "./check-messages.ts";
import { type FoundSignature, parsePdfDate } from "./find-signatures.ts";
import { nameAttribute, nameToString, type ParsedCertificate, serialHex } from "./parsed-certificate.ts";
import type { PdfFile } from "./pdf/pdf-file.ts";
import { decodeTextString, isDict, isInteger, isName, isString, type PdfValue } from "./pdf/pdf-values.ts";
import type { VerifierKit } from "./signature-algorithms.ts";
import { checkSignerInfo, parseSignedData } from "./signed-data.ts";
import { verifyTimestampToken } from "./timestamp-token.ts";
import type { SignatureReport, SignerSummary } from "./verification.types.ts";

/** A signature checked on its own; coverage and DocMDP are added by the caller. */
export interface CheckedSignature {
  report: SignatureReport;
  /** End of the signed ranges (b + c), or null when /ByteRange is unusable. */
  signedEnd: number | null;
  /** Object number of the signature dictionary. */
  objectNumber: number;
}

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

/** Checks one signature (or document timestamp): byte range, digest, CMS, ESS binding, chain, key usage, timestamp. */
export async function verifySignatureField(
  file: PdfFile,
  found: FoundSignature,
  anchors: readonly ParsedCertificate[],
  kit: VerifierKit,
  /** Used as the signing time when the signature has neither a valid timestamp nor a readable /M. */
  now: Date,
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
    return { report, signedEnd: null, objectNumber: found.objectNumber };
  }
  const [, a, b, c] = br as [number, number, number, number];
  checks.push(check("byte_range", "passed"));
  report.coversWholeDocument = b + c === bytes.length;
  const signed = new Uint8Array(a + c);
  signed.set(bytes.subarray(0, a), 0);
  signed.set(bytes.subarray(b, b + c), a);
  const der = cmsBytes(contents.bytes);

  if (kind === "document_timestamp") {
    const ts = der
      ? await verifyTimestampToken(der, signed, anchors, kit)
      : { status: "invalid" as const, time: null, tsa: null };
    if (ts.time) report.timestamp = { time: ts.time.toISOString(), tsa: ts.tsa };
    if (ts.time && ts.status !== "invalid") report.signedAt = ts.time.toISOString();
    checks.push(
      ts.status === "ok"
        ? check("timestamp", "passed")
        : ts.status === "untrusted"
          ? check("timestamp", "warning", "tsa_untrusted")
          : check("timestamp", "failed", "timestamp_invalid"),
    );
    return { report, signedEnd: b + c, objectNumber: found.objectNumber };
  }

  let parsed: ReturnType<typeof parseSignedData> | null = null;
  try {
    parsed = der ? parseSignedData(der, kit) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.eContent !== null || parsed.eContentType !== OID.data || !parsed.signer) {
    checks.push(check("cms_signature", "failed", "cms_malformed"));
    return { report, signedEnd: b + c, objectNumber: found.objectNumber };
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
  let at = claimedTime;
  const tsAttr = (parsed.signerInfo.unsignedAttrs?.attributes ?? []).filter(
    (x) => x.type === OID.signatureTimeStampToken,
  );
  const tokenValue = tsAttr[0]?.values[0];
  if (tsAttr.length === 0) checks.push(check("timestamp", "skipped", "no_timestamp"));
  else {
    const token = tokenValue ? new Uint8Array(tokenValue.toBER(false)) : null;
    const ts = token
      ? await verifyTimestampToken(token, parsed.signatureValue, anchors, kit)
      : { status: "invalid" as const, time: null, tsa: null };
    if (ts.time) report.timestamp = { time: ts.time.toISOString(), tsa: ts.tsa };
    if (ts.status === "ok") {
      checks.push(check("timestamp", "passed"));
      at = ts.time;
      report.signedAt = ts.time?.toISOString() ?? report.signedAt;
    } else if (ts.status === "untrusted") checks.push(check("timestamp", "warning", "tsa_untrusted"));
    else checks.push(check("timestamp", "failed", "timestamp_invalid"));
  }

  const path = await buildCertificatePath(signer, parsed.certificates, anchors, at ?? now, kit);
  checks.push(
    path.ok ? check("certificate_chain", "passed") : check("certificate_chain", "failed", path.code),
  );
  const ku = signer.keyUsage;
  checks.push(
    ku === null || ku.has(0) || ku.has(1)
      ? check("key_usage", "passed")
      : check("key_usage", "failed", "key_usage_invalid"),
  );
  checks.push(check("revocation", "skipped", "revocation_not_checked"));
  return { report, signedEnd: b + c, objectNumber: found.objectNumber };
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
