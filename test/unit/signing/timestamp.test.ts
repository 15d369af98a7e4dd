import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { nssDbTrusting, opensslCmsVerify, pdfsig } from "../../support/pki/pdf-tools.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { startTestTsa, type TestTsa } from "../../support/pki/tsa-server.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

describe("PAdES B-T: RFC 3161 signature timestamp from a loopback TSA", { timeout: 60_000 }, () => {
  let tsa: TestTsa;
  let foreignTsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa((await testPki()).issuing);
    foreignTsa = await startTestTsa((await testPki("tsa-elsewhere")).issuing);
  });
  afterAll(async () => {
    await tsa.close();
    await foreignTsa.close();
  });

  it("adds a token whose imprint and time the verifier checks", async () => {
    const pki = await testPki();
    const id = await testIdentity("RSA-2048");
    const before = Date.now();
    const signed = await createPdfSigner({
      chainDer: id.chainDer,
      privateKeyPkcs8: id.privateKeyPkcs8,
      tsaUrl: tsa.url,
    }).sign(await samplePdf({ pages: 1 }), FIELDS);
    expect(tsa.requests).toBeGreaterThan(0);
    const r = await verifyPdf(signed, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
    expect(r.valid).toBe(true);
    const sig = r.signatures[0];
    expect(sig?.checks.find((c) => c.id === "timestamp")?.status).toBe("passed");
    expect(sig?.timestamp?.tsa).toBe("Sceau Test TSA");
    const t = Date.parse(sig?.timestamp?.time ?? "");
    expect(t).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(t).toBeLessThanOrEqual(Date.now() + 1000);
    expect(sig?.signedAt).toBe(sig?.timestamp?.time);

    expect(pdfsig(signed, nssDbTrusting(pki.root.certificatePem))).toContain("Signature is Valid.");
    expect(opensslCmsVerify(signed, pki.root.certificatePem).ok).toBe(true);
  });

  it("a TSA outside the trust anchors gives a warning, not a failure", async () => {
    const pki = await testPki();
    const id = await testIdentity("ECDSA-P256");
    const signed = await createPdfSigner({
      chainDer: id.chainDer,
      privateKeyPkcs8: id.privateKeyPkcs8,
      tsaUrl: foreignTsa.url,
    }).sign(await samplePdf({ pages: 1 }), FIELDS);
    const r = await verifyPdf(signed, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
    expect(r.signatures[0]?.checks.find((c) => c.id === "timestamp")).toMatchObject({
      status: "warning",
      code: "tsa_untrusted",
    });
    expect(r.valid).toBe(true);
  });

  it("a token whose TSTInfo was edited (its time moved) fails", async () => {
    const pki = await testPki();
    const id = await testIdentity("RSA-2048");
    const signer = createPdfSigner({
      chainDer: id.chainDer,
      privateKeyPkcs8: id.privateKeyPkcs8,
      tsaUrl: tsa.url,
    });
    const signed = Buffer.from(await signer.sign(await samplePdf({ pages: 1 }), FIELDS));
    const hex = signed.toString("latin1");
    const tokenAt = hex.indexOf("060b2a864886f70d010910020e"); // id-aa-signatureTimeStampToken
    const genTime = hex.indexOf("180f32", tokenAt); // GeneralizedTime "2…"
    expect(tokenAt).toBeGreaterThan(0);
    expect(genTime).toBeGreaterThan(tokenAt);
    const at = genTime + 10; // third digit of the year
    const forged = Buffer.from(signed);
    forged.write(hex[at] === "1" ? "0" : "1", at, "latin1");
    const r = await verifyPdf(forged, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
    expect(r.valid).toBe(false);
    expect(r.signatures[0]?.checks.find((c) => c.id === "timestamp")).toMatchObject({
      status: "failed",
      code: "timestamp_invalid",
    });
  });
});
