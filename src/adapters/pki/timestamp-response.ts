import { createHash, type KeyObject, randomBytes, sign } from "node:crypto";
import { essSigningCertificateV2, issuerAndSerial } from "../../core/signing/cms-template.ts";
import { compareBytes, type DerNode, derChildren, oid, readDer, tlv } from "../../core/signing/der.ts";
import { OID } from "../../core/signing/oids.ts";

/**
 * The built-in TSA's policy: `2.25.<UUID as an integer>` (ITU-T X.667 arc for identifiers made
 * from a UUID, here 55763cce-140a-45f8-ad3d-2c6c0dbbc05f; no registration needed).
 */
export const SCEAU_TSA_POLICY = "2.25.113598303942804775780855258332278800479";

/** Digest lengths of the message-imprint algorithms the TSA accepts. */
const IMPRINT_LENGTHS: ReadonlyMap<string, number> = new Map([
  [OID.sha256, 32],
  [OID.sha384, 48],
  [OID.sha512, 64],
]);

/** RFC 3161 PKIFailureInfo bit numbers. */
export const FailureInfo = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
} as const;
export type FailureReason = keyof typeof FailureInfo;

/** What a TSA needs to sign: its certificate, its issuers and its opened key. */
export interface TimestampSigner {
  certificateDer: Uint8Array;
  issuersDer: readonly Uint8Array[];
  privateKey: KeyObject;
}

/** A well-formed, acceptable request. */
export interface TimestampQuery {
  hashAlgorithm: string;
  /** The DER MessageImprint as received (echoed in the TSTInfo). */
  messageImprintDer: Uint8Array;
  /** The nonce INTEGER TLV as received, if any. */
  nonceDer: Uint8Array | null;
  certReq: boolean;
}

class Rejected extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** Answers a DER TimeStampReq with a DER TimeStampResp (granted, or rejection with failInfo). */
export function timestampResponse(
  signer: TimestampSigner,
  query: Uint8Array,
  now: Date,
  policy: string = SCEAU_TSA_POLICY,
): Uint8Array {
  let parsed: TimestampQuery;
  try {
    parsed = parseTimestampQuery(query, policy);
  } catch (e) {
    if (e instanceof Rejected) return rejection(e.reason, e.message);
    return rejection("badDataFormat", "the request is not a DER TimeStampReq");
  }
  const token = timestampToken(signer, parsed, now, policy);
  return tlv(0x30, tlv(0x30, Uint8Array.of(0x02, 0x01, 0x00)), token);
}

/** Reads a TimeStampReq (RFC 3161 §2.4.1); throws Rejected for a request the TSA refuses. */
export function parseTimestampQuery(der: Uint8Array, policy: string): TimestampQuery {
  if (der.length === 0) throw new Rejected("badDataFormat", "empty request");
  const root = readDer(der, 0);
  if (root.tag !== 0x30 || root.end !== der.length)
    throw new Rejected("badDataFormat", "the request is not one DER SEQUENCE");
  const fields = derChildren(der, root);
  const [version, imprint, ...rest] = fields;
  if (version?.tag !== 0x02 || imprint?.tag !== 0x30)
    throw new Rejected("badDataFormat", "version and messageImprint expected");
  if (!equalBytes(der.subarray(version.start, version.end), Uint8Array.of(0x02, 0x01, 0x01)))
    throw new Rejected("badRequest", "only version 1 requests are supported");
  const [algId, hashed, ...extra] = derChildren(der, imprint);
  if (algId?.tag !== 0x30 || hashed?.tag !== 0x04 || extra.length > 0)
    throw new Rejected("badDataFormat", "malformed messageImprint");
  const [algOid, params, ...more] = derChildren(der, algId);
  if (algOid?.tag !== 0x06 || more.length > 0)
    throw new Rejected("badDataFormat", "malformed hash algorithm");
  if (params && !(params.tag === 0x05 && params.end === params.contentStart))
    throw new Rejected("badAlg", "unexpected hash algorithm parameters");
  const hashAlgorithm = oidOf(der, algOid);
  const length = IMPRINT_LENGTHS.get(hashAlgorithm);
  if (length === undefined)
    throw new Rejected("badAlg", "the hash algorithm must be SHA-256, SHA-384 or SHA-512");
  if (hashed.end - hashed.contentStart !== length)
    throw new Rejected("badDataFormat", "the hashed message's length does not match its algorithm");

  let i = 0;
  let node: DerNode | undefined = rest[i];
  if (node?.tag === 0x06) {
    if (!equalBytes(der.subarray(node.start, node.end), bigOid(policy)))
      throw new Rejected("unacceptedPolicy", `the only policy is ${policy}`);
    node = rest[++i];
  }
  let nonceDer: Uint8Array | null = null;
  if (node?.tag === 0x02) {
    const len = node.end - node.contentStart;
    if (len === 0 || len > 32) throw new Rejected("badRequest", "the nonce must be 1 to 32 bytes");
    nonceDer = der.slice(node.start, node.end);
    node = rest[++i];
  }
  let certReq = false;
  if (node?.tag === 0x01) {
    if (node.end - node.contentStart !== 1) throw new Rejected("badDataFormat", "malformed certReq");
    certReq = der[node.contentStart] !== 0;
    node = rest[++i];
  }
  if (node?.tag === 0xa0) throw new Rejected("unacceptedExtension", "request extensions are not supported");
  if (node) throw new Rejected("badDataFormat", "unexpected field in the request");
  return { hashAlgorithm, messageImprintDer: der.slice(imprint.start, imprint.end), nonceDer, certReq };
}

function timestampToken(signer: TimestampSigner, q: TimestampQuery, now: Date, policy: string): Uint8Array {
  const tsa = issuerAndSerial(signer.certificateDer);
  const subject = subjectOf(signer.certificateDer);
  const serial = randomBytes(16);
  serial.writeUIntBE(now.getTime(), 0, 6);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01;
  const tstInfo = tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x01),
    bigOid(policy),
    q.messageImprintDer,
    tlv(0x02, serial),
    tlv(0x18, new TextEncoder().encode(generalizedTime(now))),
    tlv(0x30, Uint8Array.of(0x02, 0x01, 0x01)),
    ...(q.nonceDer ? [q.nonceDer] : []),
    tlv(0xa0, tlv(0xa4, subject)),
  );
  const sha256Alg = tlv(0x30, oid(OID.sha256));
  const contentType = tlv(0x30, oid(OID.contentType), tlv(0x31, oid(OID.tstInfo)));
  const messageDigest = tlv(
    0x30,
    oid(OID.messageDigest),
    tlv(0x31, tlv(0x04, createHash("sha256").update(tstInfo).digest())),
  );
  const certHash = createHash("sha256").update(signer.certificateDer).digest();
  const ess = essSigningCertificateV2(certHash, tsa.issuer, tsa.serial);
  const attrs = tlv(0x31, ...[contentType, messageDigest, ess].sort(compareBytes));
  const rsa = signer.privateKey.asymmetricKeyType === "rsa";
  const signature = sign("sha256", attrs, signer.privateKey);
  const implicitAttrs = attrs.slice();
  implicitAttrs[0] = 0xa0;
  const signerInfo = tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x01),
    tlv(0x30, tsa.issuer, tsa.serial),
    sha256Alg,
    implicitAttrs,
    rsa ? tlv(0x30, oid(OID.sha256WithRSA), Uint8Array.of(0x05, 0x00)) : tlv(0x30, oid(OID.ecdsaSha256)),
    tlv(0x04, signature),
  );
  const certificates = q.certReq
    ? [
        tlv(
          0xa0,
          ...[signer.certificateDer, ...signer.issuersDer].map((c) => Uint8Array.from(c)).sort(compareBytes),
        ),
      ]
    : [];
  const signedData = tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x03),
    tlv(0x31, sha256Alg),
    tlv(0x30, oid(OID.tstInfo), tlv(0xa0, tlv(0x04, tstInfo))),
    ...certificates,
    tlv(0x31, signerInfo),
  );
  return tlv(0x30, oid(OID.signedData), tlv(0xa0, signedData));
}

/** A TimeStampResp with status rejection (2), a statusString and the failInfo bit. */
export function rejection(reason: FailureReason, text: string): Uint8Array {
  const bit = FailureInfo[reason];
  const bytes = new Uint8Array(Math.floor(bit / 8) + 1);
  bytes[bytes.length - 1] = 0x80 >> (bit % 8);
  const unused = 7 - (bit % 8);
  return tlv(
    0x30,
    tlv(
      0x30,
      Uint8Array.of(0x02, 0x01, 0x02),
      tlv(0x30, tlv(0x0c, new TextEncoder().encode(text))),
      tlv(0x03, Uint8Array.of(unused), bytes),
    ),
  );
}

/** `YYYYMMDDHHMMSSZ` (whole seconds; the TSTInfo's accuracy says ±1 s). */
function generalizedTime(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-T:]/g, "")}Z`;
}

function subjectOf(certDer: Uint8Array): Uint8Array {
  const tbs = derChildren(certDer, readDer(certDer, 0))[0];
  if (!tbs) throw new Error("not a certificate");
  const f = derChildren(certDer, tbs);
  const subject = f[(f[0]?.tag === 0xa0 ? 1 : 0) + 4];
  if (!subject) throw new Error("not a certificate");
  return certDer.slice(subject.start, subject.end);
}

/** Dotted OID of an OBJECT IDENTIFIER node (arcs of any size). */
function oidOf(der: Uint8Array, node: DerNode): string {
  const arcs: bigint[] = [];
  let v = 0n;
  for (let p = node.contentStart; p < node.end; p++) {
    const b = der[p] as number;
    v = (v << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  const first = arcs.shift() ?? 0n;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs].join(".");
}

/** Encodes an OBJECT IDENTIFIER whose arcs may exceed 2^53 (`oid()` takes numbers). */
function bigOid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map((a) => BigInt(a));
  const [a = 0n, b = 0n, ...tail] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...tail]) {
    const tmp: number[] = [];
    let v = arc;
    do {
      tmp.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < tmp.length - 1; i++) tmp[i] = (tmp[i] as number) | 0x80;
    out.push(...tmp);
  }
  return tlv(0x06, Uint8Array.from(out));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}
