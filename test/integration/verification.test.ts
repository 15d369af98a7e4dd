import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { issueSigningIdentity } from "../../src/core/signing/issue-signing-identity.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import { makeInstitution } from "../support/factories.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const verify = (t: TestApp, bytes: Uint8Array, contentType = "application/pdf") =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/verify",
    payload: Buffer.from(bytes),
    headers: { "content-type": contentType },
  });

function multipart(bytes: Uint8Array, name = "file") {
  const boundary = "----sceau-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="doc.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(BACKENDS)("public verification on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let signed: { id: string; bytes: Uint8Array };
  beforeAll(async () => {
    t = await startTestApp(backend, { env: { VERIFY_RATE_LIMIT: "10000" } });
    inst = await makeInstitution(t.core);
    const { document, bytes } = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf(),
      title: "Diplôme d'études collégiales",
    });
    signed = { id: document.id, bytes };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports a document signed by the portal as valid and active, with its signer", async () => {
    const res = await verify(t, signed.bytes);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.valid).toBe(true);
    expect(report.document).toEqual({ id: signed.id, status: { status: "active" } });
    expect(report.signatures[0].signer.commonName).toBe(inst.nameFr);
    expect(report.checks.find((c: { id: string }) => c.id === "document_status").status).toBe("passed");
    for (const c of report.checks) expect(c.message.fr && c.message.en).toBeTruthy();
  });

  it("accepts the same file as a multipart upload, and never stores it", async () => {
    const before = await snapshotDatabase(t.runtime.database);
    const { payload, contentType } = multipart(signed.bytes);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/verify",
      payload,
      headers: { "content-type": contentType },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(true);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("reports a changed byte, a revoked and a superseded document", async () => {
    const tampered = Uint8Array.from(signed.bytes);
    const at = tampered.indexOf(0x54); // a "T" in the signed content
    tampered[at] = 0x55;
    const bad = (await verify(t, tampered)).json();
    expect(bad.valid).toBe(false);

    const other = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf({ title: "Attestation" }),
      title: "Attestation",
    });
    await t.runtime.database.db.execute(
      sql`update documents set status = 'revoked', revoked_at = now(), revocation_reason = 'Erreur de saisie / Data entry error' where id = ${other.document.id}`,
    );
    const revoked = (await verify(t, other.bytes)).json();
    expect(revoked.valid).toBe(false);
    expect(revoked.document.status).toMatchObject({
      status: "revoked",
      reason: "Erreur de saisie / Data entry error",
    });
    expect(revoked.checks.find((c: { id: string }) => c.id === "document_status")).toMatchObject({
      status: "failed",
      code: "document_revoked",
    });

    const third = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf({ title: "Relevé" }),
      title: "Relevé",
    });
    await t.runtime.database.db.execute(
      sql`update documents set status = 'superseded', superseded_by = ${signed.id} where id = ${third.document.id}`,
    );
    const superseded = (await verify(t, third.bytes)).json();
    expect(superseded.document.status).toEqual({ status: "superseded", supersededBy: signed.id });
  });

  it("gives a report, not an error, for files that are not signed PDFs", async () => {
    for (const body of [new TextEncoder().encode("not a pdf at all"), await samplePdf(), new Uint8Array(0)]) {
      const res = await verify(t, body);
      expect(res.statusCode).toBe(200);
      expect(res.json().valid).toBe(false);
    }
  });

  it("refuses other content types (415), oversized files (413) and empty multipart (400), bilingually", async () => {
    const text = await verify(t, signed.bytes, "text/plain");
    expect(text.statusCode).toBe(415);
    const big = await verify(t, new Uint8Array(26 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message.fr).toBeTruthy();
    const empty = await t.app.inject({
      method: "POST",
      url: "/api/v1/verify",
      payload: "------b--\r\n",
      headers: { "content-type": "multipart/form-data; boundary=----b" },
    });
    expect(empty.statusCode).toBe(400);
  });

  it("keeps verifying documents signed before a certificate rotation", async () => {
    const before = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf({ title: "Avant" }),
      title: "Avant",
    });
    const rotated = await issueSigningIdentity(t.core, inst, "ECDSA-P256");
    const after = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf({ title: "Après" }),
      title: "Après",
    });
    const r1 = (await verify(t, before.bytes)).json();
    const r2 = (await verify(t, after.bytes)).json();
    expect(r1.valid).toBe(true);
    expect(r2.valid).toBe(true);
    expect(r2.signatures[0].signer.serialNumber).toBe(rotated.serialNumber);
    expect(r1.signatures[0].signer.serialNumber).not.toBe(rotated.serialNumber);
  });

  it("shows the public registry record behind /v/<id>, and nothing for unknown ids", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/documents/${signed.id}/verification` });
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toMatchObject({
      id: signed.id,
      title: "Diplôme d'études collégiales",
      status: "active",
      institution: { slug: inst.slug, nameFr: inst.nameFr },
    });
    expect(res.json().document.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "x".repeat(64)]) {
      const missing = await t.app.inject({ method: "GET", url: `/api/v1/documents/${id}/verification` });
      expect(missing.statusCode).toBe(404);
    }
  });

  it("serves the trust anchors and the issuing CA's CRL", async () => {
    const roots = await t.app.inject({ method: "GET", url: "/pki/roots.pem" });
    expect(roots.statusCode).toBe(200);
    expect(roots.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const crl = await t.app.inject({ method: "GET", url: "/pki/issuing-ca.crl" });
    expect(crl.statusCode).toBe(200);
    expect(crl.headers["content-type"]).toBe("application/pkix-crl");
    expect(crl.rawPayload[0]).toBe(0x30);
  });

  it("rate-limits the public verifier per client", async () => {
    const s = await startTestApp(backend, { env: { VERIFY_RATE_LIMIT: "2" } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await verify(s, new Uint8Array([1]))).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await s.close();
    }
  });
});
