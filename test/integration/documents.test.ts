import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { Learner } from "../../src/core/learners/learners.types.ts";
import { makeDocument, makeDocumentType, makeLearner, multipartBody } from "../support/document-factories.ts";
import { makeInstitution, signedInClient } from "../support/factories.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import type { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Summary = { id: string; title: string; status: string };
type MailJob = {
  queue: string;
  payload: { institutionId: string; message: { to: string; subject: string; text: string } };
};

describe.each(BACKENDS)("the documents registry (staff) on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let admin: TestClient;
  let ana: Learner;
  let ben: Learner;
  let transcript: DocumentType;
  let diploma: DocumentType;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    admin = await signedInClient(t, { institutionId: inst.id });
    ana = await makeLearner(t.core, inst, {
      givenName: "Ana",
      familyName: "Côté",
      personalEmail: "ana@home.test",
    });
    ben = await makeLearner(t.core, inst, { givenName: "Ben", familyName: "Okafor", locale: "en" });
    transcript = await makeDocumentType(t.core, inst);
    diploma = await makeDocumentType(t.core, inst);
    base = `/api/v1/institutions/${inst.slug}/documents`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const mailJobs = async (to: string): Promise<MailJob[]> => {
    const res = await t.runtime.database.db.execute(sql`select queue, payload from jobs order by created_at`);
    return ((res as unknown as { rows: MailJob[] }).rows ?? []).filter(
      (j) => j.queue === "mail" && j.payload.message?.to === to,
    );
  };
  const auditActions = async (targetId: string): Promise<string[]> =>
    (await t.core.stores.audit.list({ institutionId: inst.id, limit: 100 }))
      .filter((e) => e.targetId === targetId)
      .map((e) => e.action);

  it("lists newest first with learner and type, filters, searches and pages by cursor", async () => {
    const other = await makeInstitution(t.core);
    const stranger = await makeLearner(t.core, other);
    const batchId = t.core.newId();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await makeDocument(t.core, inst, {
        learner: ana,
        type: transcript,
        title: `Relevé de notes ${i}`,
        externalId: `EXT-${i}-${inst.slug}`,
        batchId: i < 2 ? batchId : null,
      });
      made.push(d.document.id);
    }
    const benDoc = (
      await makeDocument(t.core, inst, { learner: ben, type: diploma, title: "Diploma of College Studies" })
    ).document;
    made.push(benDoc.id);

    const all = await admin.get(`${base}?limit=100`);
    expect(all.statusCode, all.body).toBe(200);
    const ids = all.json().documents.map((d: Summary) => d.id);
    expect(ids.slice(0, 6)).toEqual([...made].reverse());
    expect(all.json().documents[0]).toMatchObject({
      id: benDoc.id,
      status: "active",
      issueDate: "2026-06-15",
      learner: { id: ben.id, givenName: "Ben", familyName: "Okafor", studentNumber: ben.studentNumber },
      documentType: { id: diploma.id, code: diploma.code, nameEn: "Transcript" },
    });

    // Pages of two, following nextCursor, give the same rows in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${base}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (await admin.get(url)).json();
      expect(page.documents.length).toBeLessThanOrEqual(2);
      paged.push(...page.documents.map((d: Summary) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    const idsOf = async (query: string) =>
      ((await admin.get(`${base}?${query}`)).json().documents as Summary[]).map((d) => d.id);
    expect(await idsOf("q=cote")).toHaveLength(5); // learner name, accents folded
    expect(await idsOf(`q=${encodeURIComponent(ben.studentNumber)}`)).toEqual([benDoc.id]);
    expect(await idsOf("q=DIPLOMA")).toEqual([benDoc.id]); // title, case ignored
    expect(await idsOf(`q=EXT-3-${inst.slug}`)).toEqual([made[3]]);
    expect(await idsOf("q=nothing-like-this")).toEqual([]);
    expect(await idsOf(`documentTypeId=${diploma.id}`)).toEqual([benDoc.id]);
    expect(await idsOf(`learnerId=${ana.id}&limit=100`)).toHaveLength(5);
    expect(await idsOf(`batchId=${batchId}`)).toEqual([made[1], made[0]]);
    expect(await idsOf(`learnerId=${ana.id}&status=revoked`)).toEqual([]);
    // Another institution's learner finds nothing here.
    expect(await idsOf(`learnerId=${stranger.id}`)).toEqual([]);

    for (const bad of ["cursor=nope", "status=lost", "learnerId=x", "limit=101", "extra=1"]) {
      const res = await admin.get(`${base}?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message.fr).toBeTruthy();
    }
  });

  it("shows one document and serves its signed file as issued, to admins and issuers", async () => {
    const { document, bytes } = await makeDocument(t.core, inst, {
      learner: ana,
      type: transcript,
      title: "Relevé d'été",
    });
    const issuer = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    const detail = await issuer.get(`${base}/${document.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().document).toMatchObject({
      id: document.id,
      title: "Relevé d'été",
      sha256: document.sha256,
      byteSize: bytes.byteLength,
      status: "active",
      revokedAt: null,
      supersededBy: null,
      replaces: [],
      learner: { id: ana.id },
      documentType: { id: transcript.id },
    });
    const file = await admin.get(`${base}/${document.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Releve-d-ete-${document.id.slice(0, 8)}.pdf"`,
    );
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
    expect(t.core.pdf.sha256(new Uint8Array(file.rawPayload))).toBe(document.sha256);
  });

  it("revokes with a reason: verification reports it, the learner is emailed, the audit trail records it", async () => {
    const { document } = await makeDocument(t.core, inst, { learner: ana, type: transcript });
    const url = `${base}/${document.id}/revoke`;
    const short = await admin.post(url, { reason: " x " });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].path).toBe("reason");
    expect((await admin.post(url, { reason: "x".repeat(501) })).statusCode).toBe(400);
    expect((await admin.post(url, {})).statusCode).toBe(400);

    const res = await admin.post(url, { reason: "  Note corrigée   en mathématiques " });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({
      status: "revoked",
      revocationReason: "Note corrigée en mathématiques",
    });
    const verification = (
      await t.app.inject({ url: `/api/v1/documents/${document.id}/verification` })
    ).json();
    expect(verification.document).toMatchObject({
      status: "revoked",
      revocationReason: "Note corrigée en mathématiques",
    });
    expect(new Date(verification.document.revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const again = await admin.post(url, { reason: "Deuxième fois" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("document_not_active");
    expect(again.json().error.message.en).toMatch(/no longer active/);

    const jobs = await mailJobs("ana@home.test");
    const mail = jobs.find((j) => j.payload.message.subject.includes(document.title));
    expect(mail?.payload.institutionId).toBe(inst.id);
    expect(mail?.payload.message.subject).toMatch(/^Document révoqué : .* \/ Document revoked: /);
    expect(mail?.payload.message.text).toContain("Motif : Note corrigée en mathématiques");
    expect(mail?.payload.message.text).toContain(`/v/${document.id}`);
    expect(await auditActions(document.id)).toEqual(["document.revoked", "document.issued"]);
  });

  it("replaces with a corrected file: the old one is superseded by the new one, one email explains it", async () => {
    const { document: old } = await makeDocument(t.core, inst, {
      learner: ben,
      type: diploma,
      title: "Diploma",
    });
    const corrected = await samplePdf({ title: "Diploma (corrected)" });
    const res = await admin.raw("POST", `${base}/${old.id}/replace`, {
      ...multipartBody([
        { name: "file", file: corrected },
        { name: "title", value: "Diploma of College Studies" },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const next = res.json().document;
    expect(next).toMatchObject({
      title: "Diploma of College Studies",
      status: "active",
      issueDate: "2026-06-15",
      learner: { id: ben.id },
      documentType: { id: diploma.id },
      replaces: [{ id: old.id, status: "superseded" }],
    });
    const oldDetail = (await admin.get(`${base}/${old.id}`)).json().document;
    expect(oldDetail).toMatchObject({ status: "superseded", supersededBy: { id: next.id } });
    const verification = (await t.app.inject({ url: `/api/v1/documents/${old.id}/verification` })).json();
    expect(verification.document).toMatchObject({ status: "superseded", supersededBy: next.id });
    // The new file is the signed corrected one, stored under its hash.
    const file = await admin.get(`${base}/${next.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(t.core.pdf.sha256(new Uint8Array(file.rawPayload))).toBe(next.sha256);

    const again = await admin.raw(
      "POST",
      `${base}/${old.id}/replace`,
      multipartBody([{ name: "file", file: corrected }]),
    );
    expect(again.json().error.code).toBe("document_not_active");
    const revokeOld = await admin.post(`${base}/${old.id}/revoke`, { reason: "Too late" });
    expect(revokeOld.statusCode).toBe(409);

    const mails = (await mailJobs(ben.institutionalEmail ?? "")).filter((j) =>
      j.payload.message.subject.includes("Diploma"),
    );
    expect(mails.map((m) => m.payload.message.subject)).toEqual([
      "Document replaced: Diploma / Document remplacé : Diploma",
    ]);
    expect(await auditActions(old.id)).toContain("document.replaced");
  });

  it("refuses a replacement without a PDF, with unknown fields or a bad date, changing nothing", async () => {
    const { document } = await makeDocument(t.core, inst, { learner: ana, type: transcript });
    const url = `${base}/${document.id}/replace`;
    const pdf = await samplePdf();
    const cases = [
      [multipartBody([{ name: "title", value: "Sans fichier" }]), 400],
      [
        multipartBody([
          { name: "file", file: pdf },
          { name: "colour", value: "red" },
        ]),
        400,
      ],
      [
        multipartBody([
          { name: "file", file: pdf },
          { name: "issueDate", value: "2026-02-30" },
        ]),
        400,
      ],
      [multipartBody([{ name: "file", file: new TextEncoder().encode("not a pdf") }]), 415],
      [{ payload: JSON.stringify({ file: "x" }), headers: { "content-type": "application/json" } }, 415],
    ] as const;
    for (const [body, status] of cases) {
      const res = await admin.raw("POST", url, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message.fr).toBeTruthy();
    }
    expect((await admin.get(`${base}/${document.id}`)).json().document.status).toBe("active");
  });
});
