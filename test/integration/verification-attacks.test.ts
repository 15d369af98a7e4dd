import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendDocumentTimestamp } from "../../src/adapters/pdf/document-timestamp.ts";
import { createPdfSigner } from "../../src/adapters/pdf/pdf-signer.ts";
import { appendDss } from "../../src/core/signing/append-dss.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import type { PdfSigner } from "../../src/core/signing/signing.types.ts";
import type { VerificationReport } from "../../src/core/verification/verification.types.ts";
import { makeInstitution } from "../support/factories.ts";
import { attacksOnSigned } from "../support/pdf-attacks.ts";
import { tempDir } from "../support/pki/pdf-tools.ts";
import { FIELDS, testIdentity, testPki } from "../support/pki/test-pki.ts";
import { startTestTsa, type TestTsa } from "../support/pki/tsa-server.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const modifications = (r: VerificationReport) =>
  r.signatures[0]?.checks.find((c) => c.id === "modifications");

describe.each(BACKENDS)("POST /api/v1/verify against the attack corpus on %s", (backend) => {
  let t: TestApp;
  let issued: { id: string; bytes: Uint8Array };
  let signers: { trusted: PdfSigner; untrusted: PdfSigner };
  let tsa: TestTsa;
  const verify = async (bytes: Uint8Array): Promise<VerificationReport> => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/verify",
      payload: Buffer.from(bytes),
      headers: { "content-type": "application/pdf" },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    // a second signer the portal trusts (an extra root), and one it does not
    const pki = await testPki();
    const roots = join(tempDir(), "roots.pem");
    writeFileSync(roots, pki.root.certificatePem);
    t = await startTestApp(backend, { env: { VERIFY_RATE_LIMIT: "100000", TRUST_ROOTS_FILE: roots } });
    const inst = await makeInstitution(t.core);
    const { document, bytes } = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf(),
      title: "Relevé de notes",
    });
    issued = { id: document.id, bytes };
    const id = await testIdentity("RSA-2048");
    const stranger = await testIdentity("ECDSA-P256", "stranger");
    signers = {
      trusted: createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 }),
      untrusted: createPdfSigner({ chainDer: stranger.chainDer, privateKeyPkcs8: stranger.privateKeyPkcs8 }),
    };
    tsa = await startTestTsa(pki.issuing);
  });
  afterAll(async () => {
    await tsa?.close();
    await t?.close();
  });

  it("the document as issued is valid and active in the registry", async () => {
    const r = await verify(issued.bytes);
    expect(r.valid).toBe(true);
    expect(r.document).toEqual({ id: issued.id, status: { status: "active" } });
  });

  it("every forged copy of an issued document is not valid, with the reason, and the registry does not vouch for it", async () => {
    const corpus = await attacksOnSigned(issued.bytes, signers);
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    const wrong: string[] = [];
    for (const c of corpus) {
      const r = await verify(c.bytes);
      const m = modifications(r);
      const codes = m?.reasons?.map((x) => x.code) ?? [];
      if (
        r.valid ||
        m?.status !== "failed" ||
        !codes.includes(c.reason) ||
        r.document.status?.status !== "unknown"
      )
        wrong.push(`${c.name}: valid=${r.valid} reasons=${codes} status=${r.document.status?.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("validation data and a document timestamp added later keep the signatures valid, but it is not the file issued", async () => {
    const pki = await testPki();
    const ltv = await appendDocumentTimestamp(
      await appendDss(issued.bytes, { certificates: [pki.issuing.certificateDer] }),
      { tsaUrl: tsa.url },
    );
    const r = await verify(ltv);
    expect(r.signatures.every((s) => !s.checks.some((c) => c.status === "failed"))).toBe(true);
    expect(r.document.id).toBe(issued.id);
    expect(r.document.status).toEqual({ status: "unknown" });
    expect(r.checks.find((c) => c.id === "document_status")).toMatchObject({
      status: "warning",
      code: "document_unknown",
    });
  });

  it("the issued bytes with anything appended are not the document issued", async () => {
    const padded = Buffer.concat([Buffer.from(issued.bytes), Buffer.from("\n% trailing comment\n")]);
    const r = await verify(padded);
    expect(r.document.status).toEqual({ status: "unknown" });
    const second = await verify(await signers.trusted.sign(issued.bytes, FIELDS));
    expect(second.valid).toBe(true); // a trusted countersignature is allowed…
    expect(second.document.status).toEqual({ status: "unknown" }); // …but it is not the registry's file
  });
});
