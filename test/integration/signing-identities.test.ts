import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificatesToPem } from "../../src/adapters/pki/dev-pki.ts";
import { importSigningIdentity } from "../../src/core/signing/import-signing-identity.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import { verifyDocument } from "../../src/core/verification/verify-document.ts";
import { makeInstitution } from "../support/factories.ts";
import { tempDir } from "../support/pki/pdf-tools.ts";
import { identityToPkcs12 } from "../support/pki/pkcs12.ts";
import { testIdentity, testPki } from "../support/pki/test-pki.ts";
import { startTestTsa, type TestTsa } from "../support/pki/tsa-server.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/** An institution that brings its own certificate (PKCS#12 from another CA), trusted through TRUST_ROOTS_FILE. */
describe("imported signing identities, extra trust roots, timestamps and production rules", () => {
  let t: TestApp;
  let untrusting: TestApp;
  let tsa: TestTsa;
  beforeAll(async () => {
    const other = await testPki("external-ca");
    const dir = tempDir("sceau-roots-");
    const rootsFile = join(dir, "roots.pem");
    writeFileSync(rootsFile, certificatesToPem([other.root.certificateDer]));
    t = await startTestApp("pglite", { env: { TRUST_ROOTS_FILE: rootsFile } });
    untrusting = await startTestApp("pglite");
    tsa = await startTestTsa((await testPki("tsa")).issuing);
  });
  afterAll(async () => {
    await tsa?.close();
    await t?.close();
    await untrusting?.close();
  });

  it("signs with an imported PKCS#12; verification trusts it only when its root is configured", async () => {
    const identity = await testIdentity("RSA-2048", "external-ca");
    const p12 = identityToPkcs12(identity, "s3cret passphrase");
    const inst = await makeInstitution(t.core);
    await expect(importSigningIdentity(t.core, inst, p12, "wrong")).rejects.toMatchObject({
      code: "pkcs12_invalid",
    });
    const imported = await importSigningIdentity(t.core, inst, p12, "s3cret passphrase");
    expect(imported.serialNumber).toBe(identity.serialNumber);
    const { bytes } = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf(),
      title: "Diplôme",
    });
    const trusted = await verifyDocument(t.core, bytes);
    expect(trusted.valid).toBe(true);
    expect(trusted.document.status).toEqual({ status: "active" });
    const stranger = await verifyDocument(untrusting.core, bytes);
    expect(stranger.valid).toBe(false);
    expect(stranger.signatures[0]?.checks.find((c) => c.id === "certificate_chain")?.status).toBe("failed");
  });

  it("adds an RFC 3161 timestamp when the institution sets a timestamp authority (PAdES B-T)", async () => {
    const inst = await makeInstitution(t.core);
    const updated = await t.core.stores.institutions.update(inst.id, {
      tsaUrl: tsa.url,
      signatureLevel: "B-T",
    });
    if (!updated) throw new Error("institution vanished");
    const before = Date.now();
    const { bytes } = await signDocument(t.core, {
      institution: updated,
      pdf: await samplePdf(),
      title: "Relevé",
    });
    const report = await verifyDocument(t.core, bytes);
    const sig = report.signatures[0];
    expect(sig?.timestamp).not.toBeNull();
    expect(Math.abs(new Date(sig?.timestamp?.time ?? 0).getTime() - before)).toBeLessThan(60_000);
    expect(sig?.checks.find((c) => c.id === "timestamp")?.status).not.toBe("failed");
  });

  it("signs without the visible notice when the institution turns it off", async () => {
    const inst = await makeInstitution(t.core);
    const plain = await t.core.stores.institutions.update(inst.id, { stampEnabled: false });
    if (!plain) throw new Error("institution vanished");
    const pdf = await samplePdf();
    const { bytes, document } = await signDocument(t.core, { institution: plain, pdf, title: "Sans avis" });
    // The output starts with the original bytes: no page was added before signing.
    expect(Buffer.from(bytes.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const report = await verifyDocument(t.core, bytes);
    expect(report.valid).toBe(true);
    // No id is printed in the file, but the registry still recognises the exact bytes it issued.
    expect(report.document).toEqual({ id: document.id, status: { status: "active" } });
  });

  it("refuses to sign without a certificate in production, where the portal's PKI does not issue them", async () => {
    const inst = await makeInstitution(t.core);
    const prod = { ...t.core, settings: { ...t.core.settings, developmentPki: false } };
    await expect(
      signDocument(prod, { institution: inst, pdf: await samplePdf(), title: "X" }),
    ).rejects.toMatchObject({
      code: "signing_identity_missing",
    });
  });
});
