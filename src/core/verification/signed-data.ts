import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { type DerNode, derChildren, readDer } from "../signing/der.ts";
import { OID } from "../signing/oids.ts";
import { bufferSource } from "./buffer-source.ts";
import { type ParsedCertificate, parseCertificate, parseCertificateCached } from "./parsed-certificate.ts";
import { bytesEqual } from "./pdf/pdf-values.ts";
import {
  type HashName,
  hashName,
  UnsupportedAlgorithmError,
  type VerifierKit,
  verifySignature,
} from "./signature-algorithms.ts";

/** A parsed CMS SignedData with one signer. */
export interface ParsedSignedData {
  signerInfo: pkijs.SignerInfo;
  certificates: ParsedCertificate[];
  /** The certificate the SignerIdentifier designates, when attached. */
  signer: ParsedCertificate | null;
  digestHash: HashName | null;
  signatureValue: Uint8Array;
  /** The encapsulated content (TSTInfo of a timestamp token), when present. */
  eContent: Uint8Array | null;
  eContentType: string;
}

/** Parses a ContentInfo(SignedData) with exactly one SignerInfo; throws on anything else. */
export function parseSignedData(der: Uint8Array, kit?: VerifierKit): ParsedSignedData {
  const parts = splitDerSignedData(der) ?? splitWithAsn1js(der);
  const signerInfo = pkijs.SignerInfo.fromBER(bufferSource(parts.signerInfo));
  const encap = pkijs.EncapsulatedContentInfo.fromBER(bufferSource(parts.encap));
  const certificates: ParsedCertificate[] = [];
  for (const raw of parts.certificates) {
    if (certificates.length >= 32) break;
    try {
      certificates.push(kit ? parseCertificateCached(raw, kit.cache) : parseCertificate(raw));
    } catch {
      // an unparseable extra certificate is ignored; the signer's must parse
    }
  }
  const e = encap.eContent;
  return {
    signerInfo,
    certificates,
    signer: findSigner(signerInfo, certificates),
    digestHash: hashName(signerInfo.digestAlgorithm.algorithmId),
    signatureValue: signerInfo.signature.valueBlock.valueHexView,
    eContent: e ? new Uint8Array(e.getValue()) : null,
    eContentType: encap.eContentType,
  };
}

interface SignedDataParts {
  encap: Uint8Array;
  certificates: Uint8Array[];
  signerInfo: Uint8Array;
}

const SIGNED_DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);

/** Fast split of a DER SignedData with definite lengths (what most signers write); null otherwise. */
function splitDerSignedData(der: Uint8Array): SignedDataParts | null {
  try {
    const ci = readDer(der, 0);
    if (ci.tag !== 0x30 || ci.end !== der.length) return null;
    const [type, explicit] = derChildren(der, ci);
    if (!type || !explicit || explicit.tag !== 0xa0) return null;
    if (!bytesEqual(der.subarray(type.start, type.end), SIGNED_DATA_OID)) throw new Error("not SignedData");
    const [sd, extra] = derChildren(der, explicit);
    if (!sd || extra || sd.tag !== 0x30) return null;
    const f = derChildren(der, sd);
    const encap = f[2];
    const signerInfos = f[f.length - 1];
    if (!encap || !signerInfos || signerInfos.tag !== 0x31 || encap.tag !== 0x30) return null;
    const sis = derChildren(der, signerInfos);
    if (sis.length !== 1) throw new Error("expected exactly one signer");
    const certField = f.slice(3, -1).find((n) => n.tag === 0xa0);
    const certificates = certField
      ? derChildren(der, certField)
          .filter((n) => n.tag === 0x30)
          .map((n) => der.slice(n.start, n.end))
      : [];
    const si = sis[0] as DerNode;
    return {
      encap: der.slice(encap.start, encap.end),
      certificates,
      signerInfo: der.slice(si.start, si.end),
    };
  } catch (e) {
    if (e instanceof Error && /SignedData|signer/.test(e.message)) throw e;
    return null;
  }
}

/** The general (BER, e.g. NSS's indefinite lengths) path with asn1js and pkijs. */
function splitWithAsn1js(der: Uint8Array): SignedDataParts {
  const asn = asn1js.fromBER(bufferSource(der));
  if (asn.offset === -1 || asn.offset !== der.length) throw new Error("not a single BER object");
  const ci = new pkijs.ContentInfo({ schema: asn.result });
  if (ci.contentType !== OID.signedData) throw new Error("not SignedData");
  const signedData = new pkijs.SignedData({ schema: ci.content });
  if (signedData.signerInfos.length !== 1) throw new Error("expected exactly one signer");
  return {
    encap: new Uint8Array(signedData.encapContentInfo.toSchema().toBER(false)),
    certificates: rawCertificates(ci.content),
    signerInfo: new Uint8Array((signedData.signerInfos[0] as pkijs.SignerInfo).toSchema().toBER(false)),
  };
}

/** The original encodings of the `certificates [0]` field of a SignedData. */
function rawCertificates(content: unknown): Uint8Array[] {
  if (!(content instanceof asn1js.Sequence)) return [];
  const field = content.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0);
  if (!(field instanceof asn1js.Constructed)) return [];
  return field.valueBlock.value
    .filter((v) => v instanceof asn1js.Sequence)
    .map((v) => v.valueBeforeDecodeView.slice());
}

function findSigner(si: pkijs.SignerInfo, certs: ParsedCertificate[]): ParsedCertificate | null {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = new Uint8Array(si.sid.issuer.toSchema().toBER(false));
    const serial = si.sid.serialNumber.valueBlock.valueHexView;
    return (
      certs.find(
        (c) =>
          bytesEqual(c.cert.serialNumber.valueBlock.valueHexView, serial) &&
          (bytesEqual(c.issuerRaw, issuer) || sameName(c, si.sid as pkijs.IssuerAndSerialNumber)),
      ) ?? null
    );
  }
  if (si.sid instanceof asn1js.Constructed || si.sid instanceof asn1js.Primitive) {
    const ski = (si.sid as asn1js.Primitive).valueBlock.valueHexView;
    return (
      certs.find((c) => {
        const ext = c.cert.extensions?.find((x) => x.extnID === "2.5.29.14");
        return ext ? bytesEqual((ext.parsedValue as asn1js.OctetString).valueBlock.valueHexView, ski) : false;
      }) ?? null
    );
  }
  return null;
}

function sameName(c: ParsedCertificate, sid: pkijs.IssuerAndSerialNumber): boolean {
  return c.cert.issuer.isEqual(sid.issuer);
}

/** Results of checking the SignerInfo against the signed content's digest. */
export interface SignerInfoCheck {
  digest: "ok" | "mismatch" | "missing" | "unsupported";
  signature: "ok" | "bad" | "unsupported" | "no_certificate";
  signingCertificate: "ok" | "missing" | "mismatch";
}

function attribute(si: pkijs.SignerInfo, oid: string): pkijs.Attribute[] {
  return (si.signedAttrs?.attributes ?? []).filter((a) => a.type === oid);
}

/**
 * Checks content-type, message-digest (against `contentDigest`, the digest of the signed content
 * with the SignerInfo's digest algorithm), the signature over the signed attributes, and the ESS
 * signing-certificate(-v2) binding. `expectedContentType` is id-data for PDF signatures.
 */
export async function checkSignerInfo(
  p: ParsedSignedData,
  contentDigest: (hash: HashName) => Promise<Uint8Array>,
  expectedContentType: string,
  kit: VerifierKit,
): Promise<SignerInfoCheck> {
  const si = p.signerInfo;
  const result: SignerInfoCheck = { digest: "missing", signature: "bad", signingCertificate: "missing" };
  if (!p.digestHash || p.digestHash === "SHA-1")
    return { ...result, digest: "unsupported", signature: "unsupported" };
  const computed = await contentDigest(p.digestHash);
  if (!si.signedAttrs) return { ...result, signature: "unsupported" };
  const ct = attribute(si, OID.contentType);
  const md = attribute(si, OID.messageDigest);
  const ctValue = ct[0]?.values[0];
  const ctOk =
    ct.length === 1 &&
    ct[0]?.values.length === 1 &&
    ctValue instanceof asn1js.ObjectIdentifier &&
    ctValue.valueBlock.toString() === expectedContentType;
  const mdValue = md[0]?.values[0];
  if (md.length === 1 && md[0]?.values.length === 1 && mdValue instanceof asn1js.OctetString) {
    result.digest = ctOk && bytesEqual(mdValue.valueBlock.valueHexView, computed) ? "ok" : "mismatch";
  }
  if (!p.signer) return { ...result, signature: "no_certificate" };
  try {
    const data = new Uint8Array(si.signedAttrs.encodedValue);
    const ok = await verifySignature(
      p.signer.spkiRaw,
      si.signatureAlgorithm.algorithmId,
      si.signatureAlgorithm.algorithmParams,
      p.digestHash,
      data,
      p.signatureValue,
      kit,
    );
    result.signature = ok ? "ok" : "bad";
  } catch (e) {
    if (!(e instanceof UnsupportedAlgorithmError)) throw e;
    result.signature = "unsupported";
  }
  result.signingCertificate = await checkEssBinding(si, p.signer, kit);
  return result;
}

async function checkEssBinding(
  si: pkijs.SignerInfo,
  signer: ParsedCertificate,
  kit: VerifierKit,
): Promise<"ok" | "missing" | "mismatch"> {
  const v2 = attribute(si, OID.signingCertificateV2);
  const v1 = attribute(si, OID.signingCertificate);
  const attr = v2[0] ?? v1[0];
  if (!attr) return "missing";
  if (v2.length + v1.length !== 1 || attr.values.length !== 1) return "mismatch";
  try {
    // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }
    const certs = (attr.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let i = 0;
    let hash: HashName = v2.length ? "SHA-256" : "SHA-1";
    if (v2.length && parts[0] instanceof asn1js.Sequence) {
      const alg = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
      const h = hashName(alg.algorithmId);
      if (!h) return "mismatch";
      hash = h;
      i = 1;
    }
    const certHash = (parts[i] as asn1js.OctetString).valueBlock.valueHexView;
    if (!bytesEqual(certHash, await kit.crypto.digest(hash, signer.der))) return "mismatch";
    const issuerSerial = parts[i + 1];
    if (issuerSerial instanceof asn1js.Sequence) {
      const serial = issuerSerial.valueBlock.value[1];
      if (
        !(serial instanceof asn1js.Integer) ||
        !bytesEqual(serial.valueBlock.valueHexView, signer.cert.serialNumber.valueBlock.valueHexView)
      )
        return "mismatch";
    }
    return "ok";
  } catch {
    return "mismatch";
  }
}
