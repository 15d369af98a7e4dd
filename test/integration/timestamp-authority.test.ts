import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import type * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derToPem } from "../../src/adapters/db/pem.ts";
import { requestTimestamp } from "../../src/adapters/pdf/timestamp-client.ts";
import { fetchRevocationData } from "../../src/adapters/pki/fetch-revocation-data.ts";
import { oid, tlv } from "../../src/core/signing/der.ts";
import { findPortalPki } from "../../src/core/signing/ensure-portal-pki.ts";
import { OID } from "../../src/core/signing/oids.ts";
import { TSA_PATH } from "../../src/core/signing/pki-paths.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import { TSA_RENEW_BEFORE_DAYS } from "../../src/core/timestamping/ensure-portal-tsa.ts";
import { verifyDocument } from "../../src/core/verification/verify-document.ts";
import { makeInstitution } from "../support/factories.ts";
import {
  extractLastSignature,
  freePort,
  nssDbTrusting,
  pdfsigLive,
  tempDir,
} from "../support/pki/pdf-tools.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const post = (t: TestApp, body: Uint8Array | string, contentType = "application/timestamp-query") =>
  t.app.inject({
    method: "POST",
    url: TSA_PATH,
    payload: Buffer.from(body),
    headers: { "content-type": contentType },
  });

/** The status and failInfo bits of a TimeStampResp. */
function statusOf(der: Uint8Array): { status: number; failInfo: number | null } {
  const resp = pkijs.TimeStampResp.fromBER(Uint8Array.from(der));
  const failInfo = resp.status.failInfo
    ? (resp.status.failInfo as asn1js.BitString).valueBlock.valueHexView
    : null;
  let bit: number | null = null;
  if (failInfo)
    for (let i = 0; i < failInfo.length * 8; i++)
      if ((failInfo[i >> 3] as number) & (0x80 >> (i % 8))) bit = i;
  return { status: resp.status.status, failInfo: bit };
}

const query = (alg: string, digestLength: number, ...more: Uint8Array[]) =>
  tlv(
    0x30,
    Uint8Array.of(0x02, 0x01, 0x01),
    tlv(0x30, tlv(0x30, oid(alg)), tlv(0x04, new Uint8Array(digestLength).fill(7))),
    ...more,
  );

describe("the built-in timestamp authority (POST /pki/tsa)", () => {
  let t: TestApp;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    // The portal listens at its PUBLIC_URL: its certificates name its OCSP responder, which pdfsig (NSS) asks.
    const port = await freePort();
    t = await startTestApp("postgres", { env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
    const address = await t.app.listen({ port, host: "127.0.0.1" });
    url = `${address}${TSA_PATH}`;
    dir = tempDir("sceau-tsa-it-");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers the portal's own RFC 3161 client, and its certificate is a timestamping-only one under the issuing CA", async () => {
    const data = new TextEncoder().encode("diplôme");
    const token = await requestTimestamp(data, { tsaUrl: url });
    const signed = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(Uint8Array.from(token)).content,
    });
    const tst = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0));
    // asn1js prints arcs past 2^53 in hex; openssl's decimal rendering is checked below.
    expect(tst.policy.startsWith("2.25.")).toBe(true);
    expect(tst.accuracy?.seconds).toBe(1);
    expect(Math.abs(tst.genTime.getTime() - Date.now())).toBeLessThan(5_000);
    const tsa = (await t.core.stores.authorities.list()).filter((a) => a.kind === "tsa");
    expect(tsa).toHaveLength(1);
    const cert = new x509.X509Certificate(Uint8Array.from(tsa[0]?.certificateDer ?? []));
    const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
    expect(eku?.critical).toBe(true);
    expect(eku?.usages).toEqual([x509.ExtendedKeyUsage.timeStamping]);
    const ku = cert.getExtension(x509.KeyUsagesExtension);
    expect(ku?.critical).toBe(true);
    expect(ku?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(cert.getExtension(x509.CRLDistributionPointsExtension)).toBeTruthy();
    const pki = await findPortalPki(t.core);
    expect(cert.issuer).toBe(
      new x509.X509Certificate(Uint8Array.from(pki?.issuing.certificateDer ?? [])).subject,
    );
    // Its issuer's OCSP responder and CRL (named in the certificate) know it: what B-LTA embeds for the TSA.
    expect(cert.getExtension(x509.AuthorityInfoAccessExtension)?.ocsp[0]?.value).toBe(
      `${t.core.settings.publicUrl}/pki/ocsp`,
    );
    const status = await fetchRevocationData(
      Uint8Array.from(tsa[0]?.certificateDer ?? []),
      Uint8Array.from(pki?.issuing.certificateDer ?? []),
      { mode: "both" },
    );
    expect(status.problems).toEqual([]);
    expect([status.ocspResponses.length, status.crls.length]).toEqual([1, 1]);
    // A second request reuses the same TSA.
    await requestTimestamp(data, { tsaUrl: url });
    expect((await t.core.stores.authorities.list()).filter((a) => a.kind === "tsa")).toHaveLength(1);
    const text = execFileSync("openssl", ["x509", "-inform", "DER", "-noout", "-text"], {
      input: Buffer.from(cert.rawData),
      encoding: "utf8",
    });
    expect(text).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping\s/);
  });

  it("answers an openssl query that `openssl ts -verify` accepts", async () => {
    const file = join(dir, "data.txt");
    writeFileSync(file, "Relevé de notes\n");
    const q = join(dir, "q.tsq");
    execFileSync("openssl", ["ts", "-query", "-data", file, "-sha256", "-cert", "-out", q]);
    const res = await post(t, readFileSync(q));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/timestamp-reply");
    const r = join(dir, "r.tsr");
    writeFileSync(r, res.rawPayload);
    const text = execFileSync("openssl", ["ts", "-reply", "-in", r, "-text"], { encoding: "utf8" });
    expect(text).toContain("Status: Granted.");
    expect(text).toContain("Policy OID: 2.25.113598303942804775780855258332278800479");
    expect(text).toContain("Ordering: no");
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text).toContain(
      createHash("sha256")
        .update("Relevé de notes\n")
        .digest("hex")
        .slice(0, 8)
        .toUpperCase()
        .replace(/(..)(..)(..)(..)/, "$1 $2 $3 $4")
        .toLowerCase(),
    );
    const pki = await findPortalPki(t.core);
    if (!pki) throw new Error("no PKI");
    const root = join(dir, "root.pem");
    const chain = join(dir, "chain.pem");
    writeFileSync(root, derToPem([pki.root.certificateDer]));
    writeFileSync(chain, derToPem([pki.issuing.certificateDer]));
    const verified = execFileSync(
      "openssl",
      ["ts", "-verify", "-data", file, "-in", r, "-CAfile", root, "-untrusted", chain],
      { encoding: "utf8" },
    );
    expect(verified).toContain("Verification: OK");
    console.info(`${text}\n${verified}`);
  });

  it("includes no certificates when certReq is false, and SHA-384 and SHA-512 imprints are accepted", async () => {
    for (const [alg, len] of [
      [OID.sha384, 48],
      [OID.sha512, 64],
      [OID.sha256, 32],
    ] as const) {
      const res = await post(t, query(alg, len));
      expect(res.statusCode).toBe(200);
      const resp = pkijs.TimeStampResp.fromBER(Uint8Array.from(res.rawPayload));
      expect(resp.status.status).toBe(0);
      const signed = new pkijs.SignedData({ schema: resp.timeStampToken?.content });
      expect(signed.certificates ?? []).toHaveLength(0);
    }
  });

  it("rejects hostile or unacceptable requests with a TimeStampResp and its failInfo, never a server error", async () => {
    const cases: [Uint8Array | string, number][] = [
      ["garbage, not DER", 5], // badDataFormat
      [new Uint8Array(), 5],
      [Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff), 5],
      [query(OID.sha1, 20), 0], // badAlg
      [query("1.2.840.113549.2.5", 16), 0], // MD5: badAlg
      [query(OID.sha256, 20), 5], // wrong length for SHA-256
      [
        tlv(
          0x30,
          Uint8Array.of(0x02, 0x01, 0x02),
          tlv(0x30, tlv(0x30, oid(OID.sha256)), tlv(0x04, new Uint8Array(32))),
        ),
        2,
      ], // version 2: badRequest
      [query(OID.sha256, 32, oid("1.2.3.4")), 15], // unacceptedPolicy
      [query(OID.sha256, 32, tlv(0xa0, tlv(0x30, oid("1.2.3"), tlv(0x04)))), 16], // unacceptedExtension
      [query(OID.sha256, 32, tlv(0x02, new Uint8Array(64).fill(1))), 2], // a 64-byte nonce
      [concatBytes(query(OID.sha256, 32), Uint8Array.of(0)), 5], // trailing byte
    ];
    for (const [body, failInfo] of cases) {
      const res = await post(t, body);
      expect(res.statusCode).toBe(200);
      expect(statusOf(res.rawPayload)).toEqual({ status: 2, failInfo });
    }
    expect((await post(t, new Uint8Array(9000))).statusCode).toBe(413);
    expect((await post(t, query(OID.sha256, 32), "application/json")).statusCode).toBeLessThan(500);
    expect((await post(t, query(OID.sha256, 32), "application/json")).statusCode).toBeGreaterThanOrEqual(400);
    expect((await post(t, query(OID.sha256, 32), "text/plain")).statusCode).toBe(415);
    const get = await t.app.inject({ method: "GET", url: TSA_PATH });
    expect(get.statusCode).toBeGreaterThanOrEqual(400);
    expect(get.statusCode).toBeLessThan(500);
  });

  it("timestamps a signature when the institution's TSA URL is the built-in TSA (PAdES B-T): the verifier and pdfsig accept it", async () => {
    const inst = await makeInstitution(t.core);
    const updated = await t.core.stores.institutions.update(inst.id, { tsaUrl: url });
    if (!updated) throw new Error("institution vanished");
    const { bytes } = await signDocument(t.core, {
      institution: updated,
      pdf: await samplePdf(),
      title: "Relevé",
      level: "B-T",
    });
    const report = await verifyDocument(t.core, bytes);
    expect(report.valid).toBe(true);
    const sig = report.signatures[0];
    expect(sig?.checks.find((c) => c.id === "timestamp")?.status).toBe("passed");
    expect(sig?.timestamp?.tsa).toBe("Sceau Timestamp Authority");
    expect(sig?.signedAt).toBe(sig?.timestamp?.time);
    const pki = await findPortalPki(t.core);
    if (!pki) throw new Error("no PKI");
    const out = await pdfsigLive(bytes, nssDbTrusting(derToPem([pki.root.certificateDer])));
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Certificate is Trusted.");
    // The token inside the signature verifies with openssl ts against the portal root.
    const { cms } = extractLastSignature(bytes);
    const signerInfo = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(Uint8Array.from(cms)).content,
    }).signerInfos[0];
    const attr = signerInfo?.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
    const tokenFile = join(dir, "token.der");
    writeFileSync(tokenFile, Buffer.from(attr?.values[0]?.toBER() ?? new ArrayBuffer(0)));
    const signatureFile = join(dir, "signature.bin");
    writeFileSync(signatureFile, Buffer.from(signerInfo?.signature.valueBlock.valueHexView ?? []));
    const root = join(dir, "root2.pem");
    writeFileSync(root, derToPem([pki.root.certificateDer]));
    const verified = execFileSync(
      "openssl",
      ["ts", "-verify", "-data", signatureFile, "-in", tokenFile, "-token_in", "-CAfile", root],
      { encoding: "utf8" },
    );
    expect(verified).toContain("Verification: OK");
  });

  it("takes genTime from the portal's clock and replaces its certificate 400 days before it expires", async () => {
    const [tsa] = (await t.core.stores.authorities.list()).filter((a) => a.kind === "tsa");
    const notAfter = new x509.X509Certificate(Uint8Array.from(tsa?.certificateDer ?? [])).notAfter;
    t.clock.advance(notAfter.getTime() - Date.now() - (TSA_RENEW_BEFORE_DAYS - 1) * 86_400_000);
    const res = await post(t, query(OID.sha256, 32));
    const resp = pkijs.TimeStampResp.fromBER(Uint8Array.from(res.rawPayload));
    const signed = new pkijs.SignedData({ schema: resp.timeStampToken?.content });
    const tst = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0));
    expect(Math.abs(tst.genTime.getTime() - t.clock.now().getTime())).toBeLessThan(5_000);
    const all = (await t.core.stores.authorities.list()).filter((a) => a.kind === "tsa");
    expect(all).toHaveLength(2);
    const sid = signed.signerInfos[0]?.sid as pkijs.IssuerAndSerialNumber;
    const newest = new x509.X509Certificate(Uint8Array.from(all[1]?.certificateDer ?? []));
    expect(Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString("hex")).toBe(
      newest.serialNumber.toLowerCase(),
    );
    expect(newest.notAfter.getTime()).toBeGreaterThan(notAfter.getTime());
  });
});

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
