import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { type DerNode, derChildren, readDer } from "../signing/der.ts";
import { bufferSource } from "./buffer-source.ts";
import { bytesKey } from "./signature-algorithms.ts";

const MAX_ENTRIES = 100_000;
/** CRL extensions understood: authority key id, CRL number. Anything else critical makes the CRL unusable. */
const KNOWN_CRITICAL = new Set(["2.5.29.35", "2.5.29.20"]);
/** Delta CRL indicator, issuing distribution point: a partial CRL cannot prove a certificate good. */
const PARTIAL = new Set(["2.5.29.27", "2.5.29.28"]);

/** A certificate revocation list (RFC 5280 §5), its signed part kept as received. */
export interface ParsedCrl {
  tbs: Uint8Array;
  /** The issuer Name, DER as encoded (compared with certificates' issuer field). */
  issuerRaw: Uint8Array;
  signatureAlgorithm: string;
  signatureParams: unknown;
  signature: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revocation date by serial number (the INTEGER contents, through {@link bytesKey}). */
  revoked: Map<string, Date>;
}

function timeAt(der: Uint8Array, node: DerNode | undefined): Date | null {
  if (!node || (node.tag !== 0x17 && node.tag !== 0x18)) return null;
  const parsed = asn1js.fromBER(bufferSource(der.slice(node.start, node.end)));
  const t = parsed.result;
  const d = t instanceof asn1js.UTCTime || t instanceof asn1js.GeneralizedTime ? t.toDate() : null;
  return d && Number.isFinite(d.getTime()) ? d : null;
}

function oidAt(der: Uint8Array, node: DerNode | undefined): string | null {
  if (node?.tag !== 0x06) return null;
  const parsed = asn1js.fromBER(bufferSource(der.slice(node.start, node.end)));
  return parsed.result instanceof asn1js.ObjectIdentifier ? parsed.result.valueBlock.toString() : null;
}

/** False when an extension makes the CRL unusable (unknown critical, delta, partial scope). */
function extensionsUsable(der: Uint8Array, list: DerNode): boolean {
  const [seq] = derChildren(der, list);
  if (seq?.tag !== 0x30) return false;
  for (const ext of derChildren(der, seq)) {
    const [id, second] = derChildren(der, ext);
    const oid = oidAt(der, id);
    if (!oid || PARTIAL.has(oid)) return false;
    const critical = second?.tag === 0x01 && der[second.contentStart] !== 0;
    if (critical && !KNOWN_CRITICAL.has(oid)) return false;
  }
  return true;
}

/**
 * Reads a DER CertificateList (by its DER structure: pkijs refuses the empty entry extensions
 * some CAs write); null when malformed, when it is a delta CRL or carries an issuing distribution
 * point or another critical extension, or when it is too long. The signature is not checked here.
 */
export function parseCrl(der: Uint8Array): ParsedCrl | null {
  try {
    const top = readDer(der, 0);
    if (top.tag !== 0x30 || top.end !== der.length) return null;
    const [tbsNode, algNode, sigNode, extra] = derChildren(der, top);
    if (tbsNode?.tag !== 0x30 || algNode?.tag !== 0x30 || sigNode?.tag !== 0x03 || extra) return null;
    const fields = derChildren(der, tbsNode);
    let i = fields[0]?.tag === 0x02 ? 2 : 1; // [version] signature issuer …
    const issuer = fields[i++];
    if (issuer?.tag !== 0x30) return null;
    const thisUpdate = timeAt(der, fields[i++]);
    if (!thisUpdate) return null;
    const nextUpdate = timeAt(der, fields[i]);
    if (nextUpdate) i++;
    const revoked = new Map<string, Date>();
    if (fields[i]?.tag === 0x30) {
      const entries = derChildren(der, fields[i++] as DerNode);
      if (entries.length > MAX_ENTRIES) return null;
      for (const entry of entries) {
        const [serial, date] = derChildren(der, entry);
        const when = timeAt(der, date);
        if (serial?.tag !== 0x02 || !when) return null;
        const key = bytesKey(der.subarray(serial.contentStart, serial.end));
        const known = revoked.get(key);
        if (!known || when < known) revoked.set(key, when);
      }
    }
    const extensions = fields[i];
    if (extensions && (extensions.tag !== 0xa0 || !extensionsUsable(der, extensions))) return null;
    const alg = pkijs.AlgorithmIdentifier.fromBER(bufferSource(der.slice(algNode.start, algNode.end)));
    return {
      tbs: der.slice(tbsNode.start, tbsNode.end),
      issuerRaw: der.slice(issuer.start, issuer.end),
      signatureAlgorithm: alg.algorithmId,
      signatureParams: alg.algorithmParams,
      signature: der.slice(sigNode.contentStart + 1, sigNode.end),
      thisUpdate,
      nextUpdate,
      revoked,
    };
  } catch {
    return null;
  }
}
