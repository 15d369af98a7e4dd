import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificatesToPem } from "../../src/adapters/pki/dev-pki.ts";
import { fetchRevocationData, ocspRequest } from "../../src/adapters/pki/fetch-revocation-data.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { ensurePortalPki, type PortalPki } from "../../src/core/signing/ensure-portal-pki.ts";
import { issueSigningIdentity } from "../../src/core/signing/issue-signing-identity.ts";
import { revokePortalAuthority } from "../../src/core/signing/revoke-portal-authority.ts";
import { revokeSigningIdentity } from "../../src/core/signing/revoke-signing-identity.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import type { SigningIdentityRecord } from "../../src/core/signing/signing.ports.ts";
import { makeInstitution } from "../support/factories.ts";
import { nssDbTrusting, tempDir } from "../support/pki/pdf-tools.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Runs openssl without blocking this process (it may be calling the server the test runs);
 * resolves to stdout and stderr together (ocsp prints its verdicts on both).
 */
const openssl = (cwd: string, ...args: string[]) =>
  new Promise<{ out: string }>((resolve) => {
    execFile("openssl", args, { cwd, encoding: "utf8", timeout: 20_000 }, (_err, stdout, stderr) =>
      resolve({ out: `${stdout}${stderr}` }),
    );
  });

/** pdfsig (NSS, online OCSP from the certificate's AIA), run without blocking the server this process runs. */
const pdfsigLive = (file: string, nssDir: string) =>
  new Promise<string>((resolve) => {
    execFile(
      "pdfsig",
      ["-nssdir", `sql:${nssDir}`, file],
      { encoding: "utf8", timeout: 30_000 },
      (_e, out, err) => resolve(`${out}${err}`),
    );
  });

describe.each(BACKENDS)("revocation services of the portal CAs on %s", (backend) => {
  let t: TestApp;
  let base: string;
  let dir: string;
  let pki: PortalPki;
  let inst: Institution;
  let identity: SigningIdentityRecord;
  const keyId = (der: Uint8Array) => t.core.revocation.describe(der).keyId;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(backend, { env: { PUBLIC_URL: base } });
    await t.app.listen({ port, host: "127.0.0.1" });
    dir = tempDir("sceau-ocsp-");
    pki = await ensurePortalPki(t.core);
    inst = await makeInstitution(t.core);
    identity = await issueSigningIdentity(t.core, inst, "RSA-2048");
    const [leaf, issuing, root] = identity.chainDer as [Uint8Array, Uint8Array, Uint8Array];
    writeFileSync(join(dir, "leaf.pem"), certificatesToPem([leaf]));
    writeFileSync(join(dir, "issuing.pem"), certificatesToPem([issuing]));
    writeFileSync(join(dir, "root.pem"), certificatesToPem([root]));
    writeFileSync(join(dir, "chain.pem"), certificatesToPem([issuing, root]));
    const signed = await signDocument(t.core, { institution: inst, pdf: await samplePdf(), title: "OCSP" });
    writeFileSync(join(dir, "signed.pdf"), signed.bytes);
  });
  afterAll(async () => {
    await t?.close();
  });

  const saveCrls = async () => {
    const issuingCrl = await fetch(`${base}/pki/ca/${keyId(pki.issuing.certificateDer)}.crl`);
    const rootCrl = await fetch(`${base}/pki/ca/${keyId(pki.root.certificateDer)}.crl`);
    expect([issuingCrl.status, rootCrl.status]).toEqual([200, 200]);
    expect(issuingCrl.headers.get("content-type")).toBe("application/pkix-crl");
    writeFileSync(join(dir, "issuing.crl"), Buffer.from(await issuingCrl.arrayBuffer()));
    writeFileSync(join(dir, "root.crl"), Buffer.from(await rootCrl.arrayBuffer()));
    for (const f of ["issuing", "root"])
      execFileSync("openssl", ["crl", "-in", `${f}.crl`, "-inform", "DER", "-out", `${f}.crl.pem`], {
        cwd: dir,
      });
    writeFileSync(
      join(dir, "crls.pem"),
      readFileSync(join(dir, "issuing.crl.pem"), "utf8") + readFileSync(join(dir, "root.crl.pem"), "utf8"),
    );
  };
  const ocsp = (issuer: string, cert: string) =>
    openssl(
      dir,
      "ocsp",
      "-issuer",
      issuer,
      "-cert",
      cert,
      "-url",
      `${base}/pki/ocsp`,
      "-CAfile",
      "root.pem",
      "-resp_text",
    );

  it("writes the OCSP, CA issuers and CRL URLs into new certificates (AIA and CDP)", () => {
    const leaf = execFileSync("openssl", ["x509", "-in", "leaf.pem", "-noout", "-text"], {
      cwd: dir,
      encoding: "utf8",
    });
    const issuingKey = keyId(pki.issuing.certificateDer);
    expect(leaf).toContain(`OCSP - URI:${base}/pki/ocsp`);
    expect(leaf).toContain(`CA Issuers - URI:${base}/pki/ca/${issuingKey}.crt`);
    expect(leaf).toContain(`URI:${base}/pki/ca/${issuingKey}.crl`);
    const issuing = execFileSync("openssl", ["x509", "-in", "issuing.pem", "-noout", "-text"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(issuing).toContain(`URI:${base}/pki/ca/${keyId(pki.root.certificateDer)}.crl`);
  });

  it("serves each CA's certificate and CRL, and the CRLs verify with OpenSSL", async () => {
    const crt = await fetch(`${base}/pki/ca/${keyId(pki.issuing.certificateDer)}.crt`);
    expect(crt.status).toBe(200);
    expect(crt.headers.get("content-type")).toBe("application/pkix-cert");
    expect(Buffer.from(await crt.arrayBuffer()).equals(Buffer.from(pki.issuing.certificateDer))).toBe(true);
    for (const path of ["/pki/root-ca.crt", "/pki/issuing-ca.crt", "/pki/root-ca.crl", "/pki/issuing-ca.crl"])
      expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(200);
    for (const path of [
      "/pki/ca/00.crl",
      `/pki/ca/${"0".repeat(40)}.crl`,
      `/pki/ca/${keyId(pki.root.certificateDer)}.pem`,
    ])
      expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    await saveCrls();
    const issuingCheck = await openssl(
      dir,
      "crl",
      "-in",
      "issuing.crl",
      "-inform",
      "DER",
      "-CAfile",
      "chain.pem",
      "-noout",
    );
    const rootCheck = await openssl(
      dir,
      "crl",
      "-in",
      "root.crl",
      "-inform",
      "DER",
      "-CAfile",
      "root.pem",
      "-noout",
    );
    expect(issuingCheck.out).toContain("verify OK");
    expect(rootCheck.out).toContain("verify OK");
    const verify = await openssl(
      dir,
      "verify",
      "-crl_check_all",
      "-CAfile",
      "root.pem",
      "-untrusted",
      "issuing.pem",
      "-CRLfile",
      "crls.pem",
      "leaf.pem",
    );
    expect(verify.out).toContain("leaf.pem: OK");
  });

  it("answers OCSP good with a delegated responder certificate and the nonce echoed", async () => {
    const leaf = await ocsp("issuing.pem", "leaf.pem");
    expect(leaf.out).toContain("Response verify OK");
    expect(leaf.out).toContain("leaf.pem: good");
    expect(leaf.out).not.toContain("WARNING: no nonce");
    expect(leaf.out).toContain("OCSP Nonce");
    expect(leaf.out).toMatch(/Responder Id: [0-9A-F]{40}/);
    expect(leaf.out).toContain("OCSP Signing");
    expect(leaf.out).toContain("OCSP No Check");
    expect(leaf.out).toContain("Next Update:");
    const ca = await ocsp("root.pem", "issuing.pem");
    expect(ca.out).toContain("Response verify OK");
    expect(ca.out).toContain("issuing.pem: good");
    for (const ca of [pki.root, pki.issuing])
      expect(await t.core.stores.ocspSigners.newest(ca.id)).toMatchObject({ authorityId: ca.id });
  });

  it("lets pdfsig (NSS) check the signing certificate online through the responder", async () => {
    const nss = nssDbTrusting(certificatesToPem([pki.root.certificateDer]));
    const out = await pdfsigLive(join(dir, "signed.pdf"), nss);
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Certificate is Trusted.");
  });

  it("answers the GET form (base64 request in the path) like the POST", async () => {
    const req = ocspRequest(
      identity.chainDer[0] as Uint8Array,
      pki.issuing.certificateDer,
      new Uint8Array(16).fill(7),
    );
    const res = await t.app.inject({
      method: "GET",
      url: `/pki/ocsp/${encodeURIComponent(Buffer.from(req).toString("base64"))}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/ocsp-response");
    writeFileSync(join(dir, "get.der"), res.rawPayload);
    const parsed = await openssl(
      dir,
      "ocsp",
      "-respin",
      "get.der",
      "-issuer",
      "issuing.pem",
      "-cert",
      "leaf.pem",
      "-CAfile",
      "root.pem",
      "-no_nonce",
    );
    expect(parsed.out).toContain("Response verify OK");
    expect(parsed.out).toContain("leaf.pem: good");
  });

  it("refuses malformed requests with malformedRequest or a 4xx, never a 5xx; unknown issuers are unauthorized", async () => {
    const malformed = Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x01]);
    const post = (body: Buffer | string, type = "application/ocsp-request") =>
      t.app.inject({ method: "POST", url: "/pki/ocsp", headers: { "content-type": type }, payload: body });
    for (const body of [
      Buffer.from("garbage"),
      Buffer.alloc(0),
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
    ]) {
      const res = await post(body);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(malformed)).toBe(true);
    }
    expect((await post(Buffer.alloc(1024 * 1024, 0x30))).statusCode).toBe(413);
    expect((await post("hello", "text/plain")).statusCode).toBe(415);
    expect((await post(Buffer.from("{}"), "application/json")).statusCode).toBeLessThan(500);
    for (const path of ["/pki/ocsp/", "/pki/ocsp/!!!", `/pki/ocsp/${"A".repeat(30_000)}`]) {
      const res = await t.app.inject({ method: "GET", url: path });
      expect(res.statusCode, path).toBe(200);
      expect(res.rawPayload.equals(malformed), path).toBe(true);
    }
    const badEscape = await t.app.inject({ method: "GET", url: "/pki/ocsp/%ZZ" });
    expect(badEscape.statusCode).toBe(400);
    const foreign = ocspRequest(
      identity.chainDer[0] as Uint8Array,
      identity.chainDer[0] as Uint8Array,
      new Uint8Array(8),
    );
    const res = await post(Buffer.from(foreign));
    expect(res.rawPayload.equals(Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x06]))).toBe(true);
  });

  it("fetches the OCSP answer, or the CRL, from the URLs in the certificate (what B-LT embeds)", async () => {
    const [leaf, issuing] = identity.chainDer as [Uint8Array, Uint8Array];
    const data = await fetchRevocationData(leaf, issuing, { mode: "both" });
    expect(data.problems).toEqual([]);
    expect(data.ocspResponses).toHaveLength(1);
    expect(data.crls).toHaveLength(1);
    const ca = await fetchRevocationData(issuing, pki.root.certificateDer);
    expect(ca.problems).toEqual([]);
    expect([ca.ocspResponses.length, ca.crls.length]).toEqual([1, 0]);
    // Asked with the wrong issuer: the root's responder does not know the certificate, the CRL is not the root's.
    const wrongIssuer = await fetchRevocationData(leaf, pki.root.certificateDer);
    expect(wrongIssuer.ocspResponses).toHaveLength(0);
    expect(wrongIssuer.problems.join("\n")).toMatch(/OCSP .*status unknown/);
    expect(wrongIssuer.crls).toHaveLength(0);
    const tiny = await fetchRevocationData(leaf, issuing, { maxOcspBytes: 100, maxCrlBytes: 100 });
    expect(tiny.problems.join("\n")).toContain("larger than 100 bytes");
  });

  it("shows a revoked signing identity in the CRL and OCSP, then a revoked issuing CA", async () => {
    await revokeSigningIdentity(t.core, inst, { reason: "keyCompromise" });
    expect(await t.core.stores.signingIdentities.active(inst.id)).toBeNull();
    const leaf = await ocsp("issuing.pem", "leaf.pem");
    expect(leaf.out).toContain("Response verify OK");
    expect(leaf.out).toContain("leaf.pem: revoked");
    expect(leaf.out).toContain("Reason: keyCompromise");
    expect(leaf.out).toContain("Revocation Time:");
    const nss = nssDbTrusting(certificatesToPem([pki.root.certificateDer]));
    expect(await pdfsigLive(join(dir, "signed.pdf"), nss)).toContain("Certificate has been Revoked.");
    await saveCrls();
    const crlText = await openssl(dir, "crl", "-in", "issuing.crl", "-inform", "DER", "-noout", "-text");
    expect(crlText.out.toLowerCase()).toContain(
      identity.serialNumber.replace(/^0+/, "").toLowerCase().slice(0, 8),
    );
    expect(crlText.out).toContain("Key Compromise");
    const verify = await openssl(
      dir,
      "verify",
      "-crl_check_all",
      "-CAfile",
      "root.pem",
      "-untrusted",
      "issuing.pem",
      "-CRLfile",
      "crls.pem",
      "leaf.pem",
    );
    expect(verify.out).toContain("certificate revoked");
    const fetched = await fetchRevocationData(identity.chainDer[0] as Uint8Array, pki.issuing.certificateDer);
    expect(fetched.ocspResponses).toHaveLength(1);

    await revokePortalAuthority(t.core, { keyId: keyId(pki.issuing.certificateDer), reason: "cACompromise" });
    const ca = await ocsp("root.pem", "issuing.pem");
    expect(ca.out).toContain("issuing.pem: revoked");
    expect(ca.out).toContain("Reason: cACompromise");
    await saveCrls();
    const rootCheck = await openssl(
      dir,
      "crl",
      "-in",
      "root.crl",
      "-inform",
      "DER",
      "-CAfile",
      "root.pem",
      "-noout",
    );
    expect(rootCheck.out).toContain("verify OK");
    const rootCrl = await openssl(dir, "crl", "-in", "root.crl", "-inform", "DER", "-noout", "-text");
    expect(rootCrl.out).toContain("CA Compromise");
    await expect(
      revokePortalAuthority(t.core, { keyId: keyId(pki.root.certificateDer), reason: null }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("renews the delegated OCSP signing certificate before it expires", async () => {
    const before = await t.core.stores.ocspSigners.newest(pki.root.id);
    t.clock.advance(25 * 86_400_000);
    try {
      const req = ocspRequest(pki.issuing.certificateDer, pki.root.certificateDer, new Uint8Array(8).fill(1));
      const res = await t.app.inject({
        method: "POST",
        url: "/pki/ocsp",
        headers: { "content-type": "application/ocsp-request" },
        payload: Buffer.from(req),
      });
      expect(res.rawPayload.subarray(0, 7).toString("hex")).toMatch(/^30820[0-9a-f]{3}0a0100/);
      const after = await t.core.stores.ocspSigners.newest(pki.root.id);
      expect(after?.id).not.toBe(before?.id);
      expect(after && before && after.notAfter > before.notAfter).toBe(true);
    } finally {
      t.clock.advance(-25 * 86_400_000);
    }
  });
});
