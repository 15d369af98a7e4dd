import { createHash, X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";
import { appendDss } from "../../core/signing/append-dss.ts";
import { derChildren, oid, readDer } from "../../core/signing/der.ts";
import { OID } from "../../core/signing/oids.ts";
import { type LongTermValidation, ValidationDataUnavailable } from "../../core/signing/signing.ports.ts";
import { findSignatures } from "../../core/verification/find-signatures.ts";
import { PdfFile } from "../../core/verification/pdf/pdf-file.ts";
import { isString } from "../../core/verification/pdf/pdf-values.ts";
import { readDss } from "../../core/verification/read-dss.ts";
import {
  fetchRevocationData,
  type RevocationData,
  type RevocationFetchOptions,
} from "../pki/fetch-revocation-data.ts";
import { OCSP_BASIC } from "../pki/ocsp-codec.ts";
import { appendDocumentTimestamp } from "./document-timestamp.ts";
import { nodeInflate } from "./node-inflate.ts";

const read = { inflate: nodeInflate };
/** How long an OCSP answer or CRL is reused for other documents (the portal's answers are valid an hour). */
const REVOCATION_REUSE_MS = 5 * 60_000;
const key = (der: Uint8Array | Buffer) => Buffer.from(der).toString("base64");

/** Options of {@link longTermValidation}. */
export interface LongTermValidationOptions {
  /** For the TSA, OCSP responders and CRLs (default: global fetch). */
  fetch?: typeof fetch;
  revocation?: Omit<RevocationFetchOptions, "fetch">;
}

/**
 * PAdES B-LT and B-LTA (ETSI EN 319 142-1 §5.4, §5.5): the validation data of a file's newest
 * signature or document timestamp — every certificate of its chains, an OCSP response (else a CRL)
 * for each certificate below a trust anchor, the OCSP responders' certificates — appended as a DSS
 * with the VRI entry of that signature; then document timestamps over the whole file.
 */
export function longTermValidation(options: LongTermValidationOptions = {}): LongTermValidation {
  const fetchOptions: RevocationFetchOptions = {
    ...options.revocation,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };

  // Revocation data per certificate and issuer, reused while fresh: the documents an institution
  // signs share their chains, so a batch asks each responder once every few minutes, not per file.
  const cache = new Map<string, { at: number; data: Promise<RevocationData> }>();
  const revocationData = (cert: X509Certificate, issuer: X509Certificate, now: Date) => {
    const k = `${cert.fingerprint256}|${issuer.fingerprint256}`;
    const hit = cache.get(k);
    if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < REVOCATION_REUSE_MS) return hit.data;
    const data = fetchRevocationData(new Uint8Array(cert.raw), new Uint8Array(issuer.raw), {
      ...fetchOptions,
      now,
    });
    if (cache.size >= 1_000) cache.clear();
    cache.set(k, { at: now.getTime(), data });
    // A failed or empty answer is asked again next time.
    data.then(
      (d) => d.ocspResponses.length + d.crls.length === 0 && cache.delete(k),
      () => cache.delete(k),
    );
    return data;
  };

  const addValidationData: LongTermValidation["addValidationData"] = async (pdf, anchorsDer, now) => {
    const { contents, cms } = await newestSignature(await PdfFile.open(pdf, read));
    const pool = certificatesOf(cms);
    const anchors = anchorsDer.map((d) => new X509Certificate(Buffer.from(d)));
    const chains = pool.flatMap((c) => (isLeaf(c, pool) ? [chainOf(c, pool, anchors)] : []));
    const certificates = new Map<string, Uint8Array>();
    const ocspResponses: Uint8Array[] = [];
    const crls: Uint8Array[] = [];
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const chain of chains) {
      for (const [i, cert] of chain.entries()) {
        certificates.set(key(cert.raw), new Uint8Array(cert.raw));
        const issuer = chain[i + 1];
        if (!issuer || checked.has(cert.fingerprint256)) continue;
        checked.add(cert.fingerprint256);
        const data = await revocationData(cert, issuer, now);
        if (data.ocspResponses.length === 0 && data.crls.length === 0)
          problems.push(
            `${cert.subject.replace(/\n/g, ", ")}: ${data.problems.join("; ") || "no OCSP or CRL URL"}`,
          );
        ocspResponses.push(...data.ocspResponses);
        crls.push(...data.crls);
        for (const responder of ocspResponders(data.ocspResponses))
          certificates.set(key(responder), responder);
      }
    }
    if (problems.length > 0) throw new ValidationDataUnavailable(problems);
    const all = { certificates: [...certificates.values()], ocspResponses, crls };
    const vriKey = createHash("sha1").update(contents).digest("hex").toUpperCase();
    return appendDss(pdf, { ...all, vri: [{ key: vriKey, ...all, time: now }] }, read);
  };

  return {
    addValidationData,
    async addArchiveTimestamp(pdf, tsaUrl, anchorsDer, now) {
      const stamped = await appendDocumentTimestamp(pdf, {
        tsaUrl,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const file = await PdfFile.open(stamped, read);
      const tsaCertificates = certificatesOf((await newestSignature(file)).cms);
      const tsa = tsaCertificates.find((c) => (c.keyUsage ?? []).includes(OID.timeStamping));
      if (!tsa) throw new Error("the document timestamp names no timestamping certificate");
      const archiveUntil = new Date(tsa.validTo);
      // The TSA's validation data, unless the DSS already holds its certificates (added with theirs).
      const known = new Set((await readDss(file, () => false)).certificates.map(key));
      if (tsaCertificates.every((c) => known.has(key(c.raw)))) return { bytes: stamped, archiveUntil };
      return { bytes: await addValidationData(stamped, anchorsDer, now), archiveUntil };
    },
  };
}

/** The /Contents string (padding included) and the CMS of the signature that ends last in the file. */
async function newestSignature(file: PdfFile): Promise<{ contents: Uint8Array; cms: Uint8Array }> {
  let best: { end: number; contents: Uint8Array } | null = null;
  for (const found of await findSignatures(file)) {
    const br = found.dict.map.get("ByteRange");
    const contents = found.dict.map.get("Contents");
    if (!Array.isArray(br) || br.length !== 4 || !isString(contents)) continue;
    const end = (br[2] as number) + (br[3] as number);
    if (!best || end > best.end) best = { end, contents: contents.bytes };
  }
  if (!best) throw new Error("the PDF has no signature");
  return { contents: best.contents, cms: best.contents.subarray(0, readDer(best.contents, 0).end) };
}

/** Certificates of a CMS SignedData and of the signature timestamp tokens inside it (DER walk, no re-encoding). */
function certificatesOf(cms: Uint8Array): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  const visit = (contentInfo: Uint8Array, depth: number) => {
    const [, wrapped] = derChildren(contentInfo, readDer(contentInfo, 0));
    const signedData = wrapped && derChildren(contentInfo, wrapped)[0];
    if (!signedData) throw new Error("not a CMS SignedData");
    const fields = derChildren(contentInfo, signedData);
    for (const field of fields) {
      if (field.tag === 0xa0)
        for (const c of derChildren(contentInfo, field)) {
          if (c.tag !== 0x30) continue; // other certificate formats
          const cert = new X509Certificate(Buffer.from(contentInfo.subarray(c.start, c.end)));
          if (seen.has(cert.fingerprint256)) continue;
          seen.add(cert.fingerprint256);
          out.push(cert);
        }
      if (field.tag !== 0x31 || field !== fields.at(-1) || depth > 0) continue;
      // signerInfos: each one's unsigned attributes may hold a signature timestamp token.
      for (const info of derChildren(contentInfo, field))
        for (const part of derChildren(contentInfo, info)) {
          if (part.tag !== 0xa1) continue;
          for (const attr of derChildren(contentInfo, part)) {
            const [type, values] = derChildren(contentInfo, attr);
            if (!type || !values || !sameBytes(contentInfo.subarray(type.start, type.end), TIMESTAMP_ATTR))
              continue;
            for (const token of derChildren(contentInfo, values))
              visit(contentInfo.subarray(token.start, token.end), depth + 1);
          }
        }
    }
  };
  visit(cms, 0);
  return out;
}

const TIMESTAMP_ATTR = oid(OID.signatureTimeStampToken);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A certificate no other one in the pool was issued by: the signer's, or a TSA's. */
const isLeaf = (c: X509Certificate, pool: readonly X509Certificate[]) =>
  !pool.some((o) => o !== c && o.issuer === c.subject && o.checkIssued(c) && o.verify(c.publicKey));

/** The certificate, then its issuers from the pool and the anchors, up to a self-signed one. */
function chainOf(
  leaf: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): X509Certificate[] {
  const chain = [leaf];
  for (let cert = leaf; chain.length < 8 && cert.issuer !== cert.subject; ) {
    const issuer = [...pool, ...anchors].find(
      (o) => o.subject === cert.issuer && cert.checkIssued(o) && cert.verify(o.publicKey),
    );
    if (!issuer) break;
    chain.push(issuer);
    cert = issuer;
  }
  return chain;
}

/** The responder certificates carried in OCSP responses (delegated OCSP signers), each response read once. */
const responderCache = new WeakMap<Uint8Array, Uint8Array[]>();
function ocspResponders(responses: readonly Uint8Array[]): Uint8Array[] {
  return responses.flatMap((der) => {
    const known = responderCache.get(der);
    if (known) return known;
    const response = pkijs.OCSPResponse.fromBER(Uint8Array.from(der));
    const bytes = response.responseBytes;
    const certs =
      bytes?.responseType === OCSP_BASIC
        ? (
            pkijs.BasicOCSPResponse.fromBER(Uint8Array.from(bytes.response.valueBlock.valueHexView)).certs ??
            []
          ).map((c) => new Uint8Array(c.toSchema().toBER()))
        : [];
    responderCache.set(der, certs);
    return certs;
  });
}
