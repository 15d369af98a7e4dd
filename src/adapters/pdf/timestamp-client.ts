import { createHash, randomBytes } from "node:crypto";
import * as pkijs from "pkijs";
import { derChildren, oid, readDer, tlv } from "../../core/signing/der.ts";
import { OID } from "../../core/signing/oids.ts";

/** Options of {@link requestTimestamp}. */
export interface TimestampRequestOptions {
  tsaUrl: string;
  /** Abort after this many milliseconds (default 10 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The TSA refused or answered something unusable. */
export class TimestampError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TimestampError";
  }
}

/**
 * Obtains an RFC 3161 timestamp token over `data` (SHA-256 imprint, random nonce, certReq true) by
 * HTTP POST `application/timestamp-query`, checks the answer's status, imprint and nonce, and
 * returns the token (a CMS ContentInfo, DER).
 */
export async function requestTimestamp(
  data: Uint8Array,
  options: TimestampRequestOptions,
): Promise<Uint8Array> {
  const imprint = createHash("sha256").update(data).digest();
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01;
  const request = tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x01),
    tlv(0x30, tlv(0x30, oid(OID.sha256)), tlv(0x04, imprint)),
    tlv(0x02, nonce),
    Uint8Array.of(0x01, 0x01, 0xff),
  );
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(options.tsaUrl, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query" },
    body: Buffer.from(request),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  if (!response.ok) throw new TimestampError(`the TSA answered HTTP ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(body);
  } catch {
    throw new TimestampError("the TSA answer is not a TimeStampResp");
  }
  if (resp.status.status !== 0 && resp.status.status !== 1)
    throw new TimestampError(`the TSA refused (status ${resp.status.status})`);
  if (!resp.timeStampToken) throw new TimestampError("the TSA answer has no token");
  const token = resp.timeStampToken;
  const signed = new pkijs.SignedData({ schema: token.content });
  const eContent = signed.encapContentInfo.eContent;
  if (!eContent) throw new TimestampError("the token has no TSTInfo");
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  if (!Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint))
    throw new TimestampError("the token's imprint does not match");
  const tokenNonce = tst.nonce ? Buffer.from(tst.nonce.valueBlock.valueHexView) : null;
  if (!tokenNonce || !stripZeros(tokenNonce).equals(stripZeros(nonce)))
    throw new TimestampError("the token's nonce does not match");
  const raw = derChildren(body, readDer(body, 0))[1];
  if (!raw) throw new TimestampError("the TSA answer has no token");
  return body.slice(raw.start, raw.end);
}

function stripZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}
