import "reflect-metadata";
import { createHash, X509Certificate as NodeCertificate, randomBytes, verify } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { type DerNode, derChildren, oid, readDer, tlv } from "../../core/signing/der.ts";
import { certificateParts, normalSerial } from "./certificate-facts.ts";
import { OCSP_BASIC, OCSP_NONCE } from "./ocsp-codec.ts";
import { OCSP_SIGNING } from "./ocsp-signing-certificate.ts";

/** Options of {@link fetchRevocationData}. */
export interface RevocationFetchOptions {
  /** Per request (default 5 s). */
  timeoutMs?: number;
  /** Largest OCSP response read (default 64 KiB). */
  maxOcspBytes?: number;
  /** Largest CRL read (default 10 MiB). */
  maxCrlBytes?: number;
  /** "ocsp-then-crl" (default): a CRL only when no OCSP answer is usable; "both": each kind when available. */
  mode?: "ocsp-then-crl" | "both";
  now?: Date;
  fetch?: typeof fetch;
}

/** What was fetched for one certificate: DER OCSPResponses and CRLs, checked, and why others were not kept. */
export interface RevocationData {
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
  problems: string[];
}

const SHA1 = tlv(0x30, oid("1.3.14.3.2.26"), Uint8Array.of(0x05, 0x00));
const SIGNATURE_HASHES: Record<string, string> = {
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};
/** Allowed clock difference between this machine and a responder. */
const SKEW_MS = 5 * 60_000;

const eq = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const content = (b: Uint8Array, n: DerNode) => b.subarray(n.contentStart, n.end);
const kids = (b: Uint8Array, n: DerNode | undefined) => {
  if (!n) throw new Error("truncated");
  return derChildren(b, n);
};
function oidText(b: Uint8Array, n: DerNode | undefined): string {
  if (n?.tag !== 0x06) throw new Error("expected an OID");
  const parts: number[] = [];
  let v = 0;
  for (const x of content(b, n)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}
function time(b: Uint8Array, n: DerNode | undefined): Date {
  if (!n || (n.tag !== 0x18 && n.tag !== 0x17)) throw new Error("expected a time");
  const s = Buffer.from(content(b, n)).toString("latin1");
  const full = n.tag === 0x17 ? `${Number(s.slice(0, 2)) < 50 ? "20" : "19"}${s}` : s;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(full);
  if (!m) throw new Error("bad time");
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, se));
}

async function readLimited(url: string, init: RequestInit, max: number, o: RevocationFetchOptions) {
  const res = await (o.fetch ?? fetch)(url, {
    ...init,
    redirect: "error",
    signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > max) throw new Error(`larger than ${max} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > max) throw new Error(`larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The CertID (SHA-1, as every responder accepts) of `cert` issued by `issuer`. */
export function ocspCertId(certDer: Uint8Array, issuerDer: Uint8Array): Uint8Array {
  const issuer = certificateParts(issuerDer);
  const sha1 = (b: Uint8Array) => createHash("sha1").update(b).digest();
  return tlv(
    0x30,
    SHA1,
    tlv(0x04, sha1(issuer.subjectDer)),
    tlv(0x04, sha1(issuer.publicKeyBits)),
    tlv(0x02, certificateParts(certDer).serial),
  );
}

/** An OCSPRequest for one certificate with a random nonce (RFC 6960 §4.1, RFC 8954). */
export function ocspRequest(certDer: Uint8Array, issuerDer: Uint8Array, nonce: Uint8Array): Uint8Array {
  const nonceExt = tlv(0x30, oid(OCSP_NONCE), tlv(0x04, tlv(0x04, nonce)));
  return tlv(
    0x30,
    tlv(0x30, tlv(0x30, tlv(0x30, ocspCertId(certDer, issuerDer))), tlv(0xa2, tlv(0x30, nonceExt))),
  );
}

/**
 * Checks an OCSPResponse for `cert`: successful, basic, signed by the issuer or by a delegated
 * responder it certified (EKU OCSPSigning), naming this certificate with status good or revoked,
 * current at `now`, and echoing the nonce when it has one. Throws with the reason otherwise.
 */
export function checkOcspResponse(
  der: Uint8Array,
  certDer: Uint8Array,
  issuerDer: Uint8Array,
  nonce: Uint8Array | null,
  now: Date,
): "good" | "revoked" {
  const top = readDer(der, 0);
  if (top.end !== der.length) throw new Error("trailing bytes");
  const [status, bytes] = kids(der, top);
  if (status?.tag !== 0x0a || content(der, status)[0] !== 0)
    throw new Error(`OCSP status ${status ? content(der, status)[0] : "?"}`);
  const [type, octets] = kids(der, kids(der, bytes)[0]);
  if (oidText(der, type) !== OCSP_BASIC || octets?.tag !== 0x04) throw new Error("not a basic OCSP response");
  const basicBytes = content(der, octets);
  const [tbs, sigAlg, sig, certs] = kids(basicBytes, readDer(basicBytes, 0));
  if (!tbs || !sig) throw new Error("truncated");
  const hash = SIGNATURE_HASHES[oidText(basicBytes, kids(basicBytes, sigAlg)[0])];
  if (!hash) throw new Error("unsupported signature algorithm");
  const tbsBytes = basicBytes.subarray(tbs.start, tbs.end);
  const signature = content(basicBytes, sig).subarray(1);
  const issuer = new NodeCertificate(Buffer.from(issuerDer));
  const candidates = [issuer];
  if (certs?.tag === 0xa0)
    for (const c of kids(basicBytes, kids(basicBytes, certs)[0])) {
      const responder = new NodeCertificate(Buffer.from(basicBytes.subarray(c.start, c.end)));
      const valid = new Date(responder.validFrom) <= now && now <= new Date(responder.validTo);
      if (responder.verify(issuer.publicKey) && responder.keyUsage?.includes(OCSP_SIGNING) && valid)
        candidates.push(responder);
    }
  if (!candidates.some((c) => verify(hash, tbsBytes, c.publicKey, signature)))
    throw new Error("not signed by the issuer or a responder it authorized");
  const fields = kids(basicBytes, tbs);
  let i = fields[0]?.tag === 0xa0 ? 1 : 0;
  i += 2; // responderID, producedAt
  const responses = kids(basicBytes, fields[i++]);
  const extensions = fields[i];
  const wanted = ocspCertId(certDer, issuerDer);
  const wantedParts = kids(wanted, readDer(wanted, 0));
  const same = (n: DerNode) => {
    const parts = kids(basicBytes, n);
    return [1, 2, 3].every((k) => {
      const a = parts[k];
      const b = wantedParts[k];
      if (!a || !b) return false;
      if (k === 3)
        return (
          normalSerial(Buffer.from(content(basicBytes, a)).toString("hex")) ===
          normalSerial(Buffer.from(content(wanted, b)).toString("hex"))
        );
      return eq(content(basicBytes, a), content(wanted, b));
    });
  };
  const single = responses.find((r) => {
    const certId = kids(basicBytes, r)[0];
    return (
      certId !== undefined &&
      oidText(basicBytes, kids(basicBytes, kids(basicBytes, certId)[0])[0]) === "1.3.14.3.2.26" &&
      same(certId)
    );
  });
  if (!single) throw new Error("the response does not name this certificate");
  const [, certStatus, thisUpdate, next] = kids(basicBytes, single);
  if (time(basicBytes, thisUpdate).getTime() > now.getTime() + SKEW_MS)
    throw new Error("thisUpdate in the future");
  if (next?.tag === 0xa0 && time(basicBytes, kids(basicBytes, next)[0]).getTime() < now.getTime() - SKEW_MS)
    throw new Error("the response has expired (nextUpdate)");
  if (nonce && extensions?.tag === 0xa1) {
    for (const ext of kids(basicBytes, kids(basicBytes, extensions)[0])) {
      const parts = kids(basicBytes, ext);
      if (oidText(basicBytes, parts[0]) !== OCSP_NONCE) continue;
      const value = parts.at(-1);
      if (!value || !eq(content(basicBytes, value), tlv(0x04, nonce)))
        throw new Error("the nonce does not match");
    }
  }
  if (certStatus?.tag === 0x80) return "good";
  if (certStatus?.tag === 0xa1) return "revoked";
  throw new Error("status unknown");
}

/** Checks a CRL: signed by the issuer, for the issuer, not expired at `now`. Throws with the reason otherwise. */
export async function checkCrl(der: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<void> {
  const crl = new x509.X509Crl(Uint8Array.from(der));
  const issuer = new x509.X509Certificate(Uint8Array.from(issuerDer));
  if (crl.issuer !== issuer.subject) throw new Error("the CRL is not the issuer's");
  if (!(await crl.verify({ publicKey: issuer.publicKey })))
    throw new Error("the CRL's signature does not verify");
  if (crl.nextUpdate && crl.nextUpdate.getTime() < now.getTime() - SKEW_MS)
    throw new Error("the CRL has expired");
}

/** The certificate's OCSP responder URLs (AIA id-ad-ocsp) and CRL distribution point URLs (http or https only). */
export function revocationUrlsOf(certDer: Uint8Array): { ocsp: string[]; crl: string[] } {
  const cert = new x509.X509Certificate(Uint8Array.from(certDer));
  const web = (u: string) => /^https?:\/\//i.test(u);
  const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
  const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
  const ocsp = (aia?.ocsp ?? []).filter((g) => g.type === "url").map((g) => g.value);
  const crl = (cdp?.distributionPoints ?? []).flatMap((p) =>
    (p.distributionPoint?.fullName ?? []).flatMap((n) =>
      n.uniformResourceIdentifier ? [n.uniformResourceIdentifier] : [],
    ),
  );
  return { ocsp: ocsp.filter(web), crl: crl.filter(web) };
}

/**
 * Fetches revocation data for `cert` (issued by `issuer`) from the URLs written in it: an OCSP
 * answer by POST to its AIA responder (random nonce, checked signature and status), else (or also,
 * mode "both") its CRL from its distribution point, checked. Never throws for network or content
 * problems: they are listed in `problems`. What the PAdES B-LT step puts in the DSS.
 */
export async function fetchRevocationData(
  certDer: Uint8Array,
  issuerDer: Uint8Array,
  options: RevocationFetchOptions = {},
): Promise<RevocationData> {
  const now = options.now ?? new Date();
  const out: RevocationData = { ocspResponses: [], crls: [], problems: [] };
  let urls: { ocsp: string[]; crl: string[] };
  try {
    urls = revocationUrlsOf(certDer);
  } catch (e) {
    out.problems.push(`certificate: ${(e as Error).message}`);
    return out;
  }
  for (const url of urls.ocsp) {
    const nonce = randomBytes(16);
    try {
      const body = await readLimited(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/ocsp-request", accept: "application/ocsp-response" },
          body: Buffer.from(ocspRequest(certDer, issuerDer, nonce)),
        },
        options.maxOcspBytes ?? 64 * 1024,
        options,
      );
      checkOcspResponse(body, certDer, issuerDer, nonce, now);
      out.ocspResponses.push(body);
      break;
    } catch (e) {
      out.problems.push(`OCSP ${url}: ${(e as Error).message}`);
    }
  }
  if (out.ocspResponses.length > 0 && (options.mode ?? "ocsp-then-crl") === "ocsp-then-crl") return out;
  for (const url of urls.crl) {
    try {
      const body = await readLimited(
        url,
        { method: "GET" },
        options.maxCrlBytes ?? 10 * 1024 * 1024,
        options,
      );
      await checkCrl(body, issuerDer, now);
      out.crls.push(body);
      break;
    } catch (e) {
      out.problems.push(`CRL ${url}: ${(e as Error).message}`);
    }
  }
  return out;
}
