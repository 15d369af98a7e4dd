import { createHash } from "node:crypto";
import { type DerNode, derChildren, oid, readDer, tlv } from "../../core/signing/der.ts";
import type {
  OcspCertId,
  OcspCertStatus,
  OcspErrorStatus,
  OcspRequestInfo,
} from "../../core/signing/revocation.ports.ts";
import type { RevocationReason } from "../../core/signing/revocation.types.ts";
import { REVOCATION_REASONS } from "../../core/signing/revocation.types.ts";
import { normalSerial } from "./certificate-facts.ts";

/** id-pkix-ocsp-basic, id-pkix-ocsp-nonce (RFC 6960 §4.2.1, §4.4.1). */
export const OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";
export const OCSP_NONCE = "1.3.6.1.5.5.7.48.1.2";

/** CertID hash algorithms the responder accepts, by OID, as node:crypto names them. */
export const CERT_ID_HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

const ERROR_CODES: Record<OcspErrorStatus, number> = {
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  unauthorized: 6,
};

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

function readOid(bytes: Uint8Array, node: DerNode): string {
  if (node.tag !== 0x06) throw new Error("not an OID");
  const body = bytes.subarray(node.contentStart, node.end);
  const parts: number[] = [];
  let v = 0;
  for (const b of body) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

function expect(node: DerNode | undefined, tag: number): DerNode {
  if (!node || node.tag !== tag) throw new Error(`expected tag ${tag}`);
  return node;
}

function readCertId(bytes: Uint8Array, node: DerNode): OcspCertId {
  const [alg, nameHash, keyHash, serial, ...rest] = derChildren(bytes, expect(node, 0x30));
  if (rest.length) throw new Error("CertID: extra fields");
  const algorithm = readOid(bytes, derChildren(bytes, expect(alg, 0x30))[0] as DerNode);
  const name = expect(nameHash, 0x04);
  const key = expect(keyHash, 0x04);
  const s = expect(serial, 0x02);
  if (s.end === s.contentStart) throw new Error("CertID: empty serial");
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: hex(bytes.subarray(name.contentStart, name.end)),
    issuerKeyHash: hex(bytes.subarray(key.contentStart, key.end)),
    serialNumber: normalSerial(hex(bytes.subarray(s.contentStart, s.end))),
    der: bytes.slice(node.start, node.end),
  };
}

/** Decodes an OCSPRequest (RFC 6960 §4.1.1); null when the bytes are not exactly one. */
export function readOcspRequest(bytes: Uint8Array): OcspRequestInfo | null {
  try {
    const top = expect(readDer(bytes, 0), 0x30);
    if (top.end !== bytes.length) return null;
    const tbsNode = derChildren(bytes, top)[0];
    const tbs = derChildren(bytes, expect(tbsNode, 0x30));
    let i = 0;
    if (tbs[i]?.tag === 0xa0) i++; // version
    if (tbs[i]?.tag === 0xa1) i++; // requestorName
    const list = derChildren(bytes, expect(tbs[i++], 0x30));
    const certIds = list.map((req) => {
      const [certId] = derChildren(bytes, expect(req, 0x30));
      return readCertId(bytes, expect(certId, 0x30));
    });
    let nonce: Uint8Array | null = null;
    const extensions = tbs[i];
    if (extensions) {
      for (const ext of derChildren(bytes, expect(derChildren(bytes, expect(extensions, 0xa2))[0], 0x30))) {
        const parts = derChildren(bytes, expect(ext, 0x30));
        if (readOid(bytes, parts[0] as DerNode) !== OCSP_NONCE) continue;
        const value = expect(parts.at(-1), 0x04);
        nonce = bytes.slice(value.contentStart, value.end);
      }
    }
    return { certIds, nonce };
  } catch {
    return null;
  }
}

/** True when the CertID names the certificate's subject: its name and public key hashed with the CertID's algorithm. */
export function namesCertificate(
  certId: OcspCertId,
  parts: { subjectDer: Uint8Array; publicKeyBits: Uint8Array },
): boolean {
  const algorithm = CERT_ID_HASHES[certId.hashAlgorithm];
  if (!algorithm) return false;
  const digest = (b: Uint8Array) => createHash(algorithm).update(b).digest("hex");
  return (
    digest(parts.subjectDer) === certId.issuerNameHash && digest(parts.publicKeyBits) === certId.issuerKeyHash
  );
}

/** GeneralizedTime, to the second. */
export function generalizedTime(d: Date): Uint8Array {
  const s = `${d.toISOString().slice(0, 19).replace(/[-:T]/g, "")}Z`;
  return tlv(0x18, new TextEncoder().encode(s));
}

const reasonCode = (r: RevocationReason) => REVOCATION_REASONS.indexOf(r);

function certStatus(status: OcspCertStatus): Uint8Array {
  if (status.status === "good") return Uint8Array.of(0x80, 0x00);
  if (status.status === "unknown") return Uint8Array.of(0x82, 0x00);
  const reason = status.reason ? [tlv(0xa0, tlv(0x0a, Uint8Array.of(reasonCode(status.reason))))] : [];
  return tlv(0xa1, generalizedTime(status.revokedAt), ...reason);
}

/** The ResponseData (RFC 6960 §4.2.1) to sign: responder id by key hash, one SingleResponse per CertID. */
export function responseData(input: {
  responderKeyHash: Uint8Array;
  producedAt: Date;
  nextUpdate: Date;
  answers: { certId: OcspCertId; status: OcspCertStatus }[];
  nonce: Uint8Array | null;
}): Uint8Array {
  const single = input.answers.map((a) =>
    tlv(
      0x30,
      a.certId.der,
      certStatus(a.status),
      generalizedTime(input.producedAt),
      tlv(0xa0, generalizedTime(input.nextUpdate)),
    ),
  );
  const extensions = input.nonce
    ? [tlv(0xa1, tlv(0x30, tlv(0x30, oid(OCSP_NONCE), tlv(0x04, input.nonce))))]
    : [];
  return tlv(
    0x30,
    tlv(0xa2, tlv(0x04, input.responderKeyHash)),
    generalizedTime(input.producedAt),
    tlv(0x30, ...single),
    ...extensions,
  );
}

/** A successful OCSPResponse around a signed BasicOCSPResponse. */
export function successfulResponse(input: {
  tbs: Uint8Array;
  signatureAlgorithm: Uint8Array;
  signature: Uint8Array;
  certificates: Uint8Array[];
}): Uint8Array {
  const basic = tlv(
    0x30,
    input.tbs,
    input.signatureAlgorithm,
    tlv(0x03, Uint8Array.of(0), input.signature),
    tlv(0xa0, tlv(0x30, ...input.certificates)),
  );
  return tlv(0x30, tlv(0x0a, Uint8Array.of(0)), tlv(0xa0, tlv(0x30, oid(OCSP_BASIC), tlv(0x04, basic))));
}

/** An OCSPResponse with an error status and no responseBytes. */
export const errorResponse = (status: OcspErrorStatus): Uint8Array =>
  tlv(0x30, tlv(0x0a, Uint8Array.of(ERROR_CODES[status])));
