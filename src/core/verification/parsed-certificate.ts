import type * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { derChildren, readDer } from "../signing/der.ts";
import { OID } from "../signing/oids.ts";
import { bufferSource } from "./buffer-source.ts";
import { bytesKey, remember, type VerificationCache } from "./signature-algorithms.ts";

/** A certificate with what path validation needs, raw encodings kept. */
export interface ParsedCertificate {
  der: Uint8Array;
  cert: pkijs.Certificate;
  tbs: Uint8Array;
  serialRaw: Uint8Array;
  issuerRaw: Uint8Array;
  subjectRaw: Uint8Array;
  spkiRaw: Uint8Array;
  signatureAlgorithm: string;
  signatureParams: asn1js.AsnType | undefined;
  signatureValue: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints cA, or null when the extension is absent. */
  isCa: boolean | null;
  pathLen: number | null;
  /** keyUsage bits (bit 0 = digitalSignature … as in RFC 5280), or null when absent. */
  keyUsage: Set<number> | null;
  extKeyUsage: string[] | null;
  unknownCritical: boolean;
}

const KNOWN_CRITICAL = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  "2.5.29.17", // subjectAltName
  "2.5.29.32", // certificatePolicies
  "2.5.29.14",
  "2.5.29.35",
  "2.5.29.31",
]);

/** Parses a DER certificate; throws on malformed input. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const cert = pkijs.Certificate.fromBER(bufferSource(der));
  const root = readDer(der, 0);
  if (root.end !== der.length) throw new Error("trailing data after the certificate");
  const [tbsNode] = derChildren(der, root);
  if (!tbsNode) throw new Error("not a certificate");
  const f = derChildren(der, tbsNode);
  const i = f[0]?.tag === 0xa0 ? 1 : 0;
  const raw = (n: number) => {
    const node = f[i + n];
    if (!node) throw new Error("not a certificate");
    return der.subarray(node.start, node.end);
  };
  let isCa: boolean | null = null;
  let pathLen: number | null = null;
  let keyUsage: Set<number> | null = null;
  let extKeyUsage: string[] | null = null;
  let unknownCritical = false;
  for (const ext of cert.extensions ?? []) {
    if (ext.critical && !KNOWN_CRITICAL.has(ext.extnID)) unknownCritical = true;
    if (ext.extnID === OID.basicConstraints) {
      const bc = ext.parsedValue as pkijs.BasicConstraints | undefined;
      isCa = bc?.cA ?? false;
      pathLen = typeof bc?.pathLenConstraint === "number" ? bc.pathLenConstraint : null;
    } else if (ext.extnID === OID.keyUsage) {
      const bits = ext.parsedValue as asn1js.BitString | undefined;
      keyUsage = new Set();
      if (bits) {
        const bytes = bits.valueBlock.valueHexView;
        for (let b = 0; b < bytes.length * 8 && b < 16; b++)
          if (((bytes[b >> 3] as number) >> (7 - (b & 7))) & 1) keyUsage.add(b);
      }
    } else if (ext.extnID === OID.extKeyUsage) {
      const eku = ext.parsedValue as pkijs.ExtKeyUsage | undefined;
      extKeyUsage = eku?.keyPurposes ?? [];
    }
  }
  return {
    der,
    cert,
    tbs: der.subarray(tbsNode.start, tbsNode.end),
    serialRaw: raw(0),
    issuerRaw: raw(2),
    subjectRaw: raw(4),
    spkiRaw: raw(5),
    signatureAlgorithm: cert.signatureAlgorithm.algorithmId,
    signatureParams: cert.signatureAlgorithm.algorithmParams,
    signatureValue: cert.signatureValue.valueBlock.valueHexView,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    isCa,
    pathLen,
    keyUsage,
    extKeyUsage,
    unknownCritical,
  };
}

const ATTR: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.5": "SERIALNUMBER",
  "1.2.840.113549.1.9.1": "E",
};

/** The first value of an attribute (by OID) in a name. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  for (const tv of name.typesAndValues) if (tv.type === oid) return String(tv.value.valueBlock.value ?? "");
  return null;
}

/** A readable distinguished name, most specific first ("CN=…, O=…, C=…"). */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${ATTR[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value ?? "")}`)
    .join(", ");
}

/** The serial number as lowercase hex without leading zero bytes. */
export function serialHex(cert: pkijs.Certificate): string {
  const bytes = cert.serialNumber.valueBlock.valueHexView;
  let s = "";
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  for (; i < bytes.length; i++) s += (bytes[i] as number).toString(16).padStart(2, "0");
  return s;
}

/** {@link parseCertificate} through the cache (same bytes → same parsed certificate). */
export function parseCertificateCached(der: Uint8Array, cache: VerificationCache): ParsedCertificate {
  const key = bytesKey(der);
  const hit = cache.certificates.get(key) as ParsedCertificate | undefined;
  if (hit) return hit;
  return remember<unknown>(
    cache.certificates,
    cache.limit,
    key,
    parseCertificate(Uint8Array.from(der)),
  ) as ParsedCertificate;
}
