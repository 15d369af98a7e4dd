import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BY_CLI } from "../../src/core/audit/record-audit.ts";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { issueDocument } from "../../src/core/issuance/issue-document.ts";
import type { JobRecord } from "../../src/core/jobs/jobs.ports.ts";
import { sendLearnerInvitation } from "../../src/core/learner-invitations/send-learner-invitation.ts";
import type { Learner } from "../../src/core/learners/learners.types.ts";
import { makeDocumentType, makeLearner, multipartBody } from "../support/document-factories.ts";
import { makeInstitution, signedInClient, uniq } from "../support/factories.ts";
import { makeZip } from "../support/make-zip.ts";
import { pageTreePdf, samplePdf } from "../support/sample-pdf.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import type { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Issue = { path: string; message: { fr: string; en: string } };

describe.each(BACKENDS)("issuing documents on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let admin: TestClient;
  let ana: Learner;
  let ben: Learner;
  let type: DocumentType;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    inst = await makeInstitution(t.core);
    admin = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    ana = await makeLearner(t.core, inst, { givenName: "Ana", personalEmail: `ana-${uniq()}@home.test` });
    ben = await makeLearner(t.core, inst, { givenName: "Ben", locale: "en" });
    type = await makeDocumentType(t.core, inst);
    base = `/api/v1/institutions/${inst.slug}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Waits until the background jobs (mail) are done, so snapshots compare still data. */
  const settle = () => t.runtime.startWorker().idle();
  const count = async (query: string): Promise<number> => {
    const res = await t.runtime.database.db.execute(sql.raw(query));
    return Number((res as unknown as { rows: { n: number | string }[] }).rows[0]?.n);
  };
  const issue = async (learner: Learner, extra: Record<string, unknown> = {}) =>
    admin.post(`${base}/documents`, {
      learnerId: learner.id,
      documentTypeId: type.id,
      title: "Relevé de notes — automne 2026",
      issueDate: "2026-06-15",
      pdf: Buffer.from(await samplePdf({ title: "R" })).toString("base64"),
      ...extra,
    });
  const uploadBatch = (manifest: string | Uint8Array, zip: Uint8Array, dryRun = false) => {
    const body = multipartBody([
      {
        name: "manifest",
        file: typeof manifest === "string" ? Buffer.from(manifest) : manifest,
        filename: "m.csv",
      },
      { name: "files", file: zip, filename: "f.zip" },
      ...(dryRun ? [{ name: "dryRun", value: "true" }] : []),
    ]);
    return admin.raw("POST", `${base}/batches`, { payload: body.payload, headers: body.headers });
  };
  const waitForBatch = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const res = await admin.get(`${base}/batches/${id}`);
      const batch = res.json().batch;
      if (batch.status === "done") return batch;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("batch did not finish");
  };

  it("issues one document: signed, stored encrypted, recorded, audited; the learner gets a code and a password", async () => {
    const res = await issue(ana, { externalId: `EXT-${uniq()}` });
    expect(res.statusCode).toBe(201);
    const { document, created } = res.json();
    expect(created).toBe(true);
    expect(document).toMatchObject({ status: "active", learnerId: ana.id, documentTypeId: type.id });
    const bytes = await t.core.blobs.get(inst.id, document.sha256);
    expect(t.core.pdf.sha256(bytes)).toBe(document.sha256);
    const verify = await t.app.inject({
      method: "POST",
      url: "/api/v1/verify",
      headers: { "content-type": "application/pdf" },
      payload: Buffer.from(bytes),
    });
    expect(verify.json().valid).toBe(true);
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "document.issued",
      limit: 10,
    });
    expect(events.map((e) => e.targetId)).toContain(document.id);
    const to = ana.personalEmail as string;
    const codeMail = await t.waitForMail(to, "vos documents officiels");
    const passwordMail = await t.waitForMail(to, "mot de passe de réclamation");
    const code = /#code=([0-9A-Z]+)/.exec(codeMail.text)?.[1] as string;
    expect(code).toMatch(/^[0-9A-Z]{26}$/);
    const password = /: ([0-9A-Z-]{14})/.exec(passwordMail.text)?.[1]?.replace(/-/g, "") as string;
    expect(password).toHaveLength(12);
    const [invitation] = await t.core.stores.learnerInvitations.findByLearners([ana.id]);
    expect(invitation).toMatchObject({ status: "sent", sendCount: 1 });
    expect(invitation?.codeHash).toBe(t.core.secrets.hashToken(code));
    expect(invitation?.passwordHash).toBe(t.core.secrets.hashToken(password));
    // Neither secret is stored in clear anywhere: not in the invitation, not in the jobs.
    const dump = await snapshotDatabase(t.runtime.database);
    const jobs = JSON.stringify((await t.runtime.database.db.execute(sql`select * from jobs`)) as unknown);
    expect(dump + jobs).not.toContain(code);
    expect(dump + jobs).not.toContain(password);
  });

  it("sends a 'new document' email, not a second invitation, for a learner's later document", async () => {
    const to = ana.personalEmail as string;
    await t.waitForMail(to, "mot de passe de réclamation");
    expect((await issue(ana)).statusCode).toBe(201);
    await t.waitForMail(to, "nouveau document officiel");
    expect(await count(`select count(*) as n from learner_invitations where learner_id = '${ana.id}'`)).toBe(
      1,
    );
    const codes = (await t.mail.list()).filter((m) => m.to === to && m.subject.includes("vous attendent"));
    expect(codes).toHaveLength(1);
  });

  it("is idempotent by external id, and refuses the same external id for another learner", async () => {
    const externalId = `DIP-${uniq()}`;
    const first = await issue(ben, { externalId });
    const again = await issue(ben, { externalId });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, document: { id: first.json().document.id } });
    const other = await issue(ana, { externalId });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe("external_id_taken");
    expect(await count(`select count(*) as n from documents where external_id = '${externalId}'`)).toBe(1);
  });

  it("refuses bad input with bilingual errors and writes nothing", async () => {
    await settle();
    const before = await snapshotDatabase(t.runtime.database);
    const notPdf = await issue(ana, { pdf: Buffer.from("MZ\x90\x00 not a pdf").toString("base64") });
    expect(notPdf.statusCode).toBe(415);
    const bad = await issue(ana, {
      title: "=cmd|' /C calc'!A0",
      issueDate: "2026-02-30",
      learnerId: t.core.newId(),
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.issues.map((i: Issue) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "issueDate", "learnerId"]));
    const future = await issue(ana, { issueDate: "2999-01-01" });
    expect(future.statusCode).toBe(400);
    const both = await issue(ana, { studentNumber: ana.studentNumber });
    expect(both.statusCode).toBe(400);
    const encrypted = await issue(ana, {
      pdf: Buffer.from(pageTreePdf({ encrypted: true })).toString("base64"),
    });
    expect(encrypted.statusCode).toBe(422);
    const archived = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.setArchived(inst.id, archived.id, new Date());
    const res = await issue(ana, { documentTypeId: archived.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message.fr).toContain("archivé");
    const after = await snapshotDatabase(t.runtime.database);
    // The archived type is the only change.
    expect(after.replace(/"document_types":\[.*?\],"api_keys"/, "")).toBe(
      before.replace(/"document_types":\[.*?\],"api_keys"/, ""),
    );
  });

  it("accepts the learner's student number and the type's code (API clients know their own ids)", async () => {
    const res = await issue(ben, {
      learnerId: undefined,
      studentNumber: ben.studentNumber,
      documentTypeId: undefined,
      documentTypeCode: type.code.toLowerCase(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().document.learnerId).toBe(ben.id);
  });

  it("issues a batch in the background, one invitation per learner, and a second upload creates nothing", async () => {
    const carl = await makeLearner(t.core, inst, { givenName: "Carl" });
    const dana = await makeLearner(t.core, inst, { givenName: "Dana" });
    const tag = uniq();
    const manifest = [
      "identifiant_externe,numero_etudiant,type_document,titre,date_emission,fichier",
      `B-${tag}-1,${carl.studentNumber},${type.code},Diplôme d'études collégiales,2026-06-15,carl.pdf`,
      `B-${tag}-2,${dana.studentNumber},${type.code},Diplôme d'études collégiales,2026-06-15,dana/diplome.pdf`,
      `B-${tag}-3,${dana.studentNumber},${type.code},"Relevé de notes, final",2026-06-15,dana/releve.pdf`,
    ].join("\r\n");
    const zip = makeZip([
      { name: "carl.pdf", data: await samplePdf({ title: "Carl" }) },
      { name: "dana/", data: "", deflate: false },
      { name: "dana/diplome.pdf", data: await samplePdf({ title: "Dana 1" }) },
      { name: "dana/releve.pdf", data: await samplePdf({ title: "Dana 2", objectStreams: true }) },
    ]);
    const dry = await uploadBatch(manifest, zip, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ batch: null, validation: { rows: 3, alreadyIssued: 0, issues: [] } });
    expect(await count(`select count(*) as n from batches where institution_id = '${inst.id}'`)).toBe(0);

    const res = await uploadBatch(manifest, zip);
    expect(res.statusCode).toBe(202);
    const done = await waitForBatch(res.json().batch.id);
    expect(done.counts).toEqual({ pending: 0, issued: 3, skipped: 0, failed: 0 });
    // The unsigned sources are gone from the blob store; the signed files are there.
    const sources = (await t.runtime.database.db.execute(
      sql`select i.source_sha256 as sha, d.sha256 as signed from batch_items i join documents d on d.id = i.document_id where i.batch_id = ${done.id}`,
    )) as unknown as { rows: { sha: string; signed: string }[] };
    expect(sources.rows).toHaveLength(3);
    for (const r of sources.rows) {
      expect(await t.core.blobs.has(inst.id, r.sha)).toBe(false);
      expect(await t.core.blobs.has(inst.id, r.signed)).toBe(true);
    }
    expect(await count(`select count(*) as n from documents where external_id like 'B-${tag}-%'`)).toBe(3);
    expect(
      await count(
        `select count(*) as n from learner_invitations where learner_id in ('${carl.id}', '${dana.id}')`,
      ),
    ).toBe(2);
    await t.waitForMail(carl.institutionalEmail as string, "vos documents officiels");
    await t.waitForMail(dana.institutionalEmail as string, "mot de passe de réclamation");
    const danaCodes = (await t.mail.list()).filter(
      (m) => m.to === dana.institutionalEmail && m.subject.includes("vous attendent"),
    );
    expect(danaCodes).toHaveLength(1);

    const again = await uploadBatch(manifest, zip);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ batch: null, validation: { rows: 3, alreadyIssued: 3 } });
    expect(await count(`select count(*) as n from documents where external_id like 'B-${tag}-%'`)).toBe(3);
    const items = await admin.get(`${base}/batches/${done.id}/items?status=issued`);
    expect(items.json().items.map((i: { rowNumber: number }) => i.rowNumber)).toEqual([2, 3, 4]);
    const csv = await admin.get(`${base}/batches/${done.id}/errors.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim()).toBe("line,external_id,file,status,error,message_fr,message_en");
  });

  it("reports every problem of a hostile batch, per row and per file, and writes nothing", async () => {
    const pdf = await samplePdf({ title: "ok" });
    const tag = uniq();
    const header = "external_id,student_number,document_type,title,issue_date,file";
    const manifest = [
      header,
      `H-${tag}-1,${ana.studentNumber},${type.code},=cmd|' /C calc'!A0,2026-06-15,a.pdf`,
      `H-${tag}-1,NOPE-${tag},${type.code},Title,2026-13-01,b.pdf`,
      `H-${tag}-3,${ana.studentNumber},UNKNOWN,Title,2999-01-01,missing.pdf`,
      `H-${tag}-4,${ana.studentNumber},${type.code},Title,2026-06-15,renamed.pdf`,
      `H-${tag}-5,${ana.studentNumber},${type.code},Title,2026-06-15,encrypted.pdf`,
      `H-${tag}-6,${ana.studentNumber},${type.code},Title,2026-06-15,bomb.pdf`,
      `H-${tag}-7,${ana.studentNumber},${type.code},Title,2026-06-15,a.pdf`,
      `H-${tag}-8,${ana.studentNumber},${type.code},Title`,
    ].join("\n");
    const zip = makeZip([
      { name: "a.pdf", data: pdf },
      { name: "b.pdf", data: pdf },
      { name: "renamed.pdf", data: Buffer.from("MZ\x90\x00This program cannot be run in DOS mode") },
      { name: "encrypted.pdf", data: pageTreePdf({ encrypted: true }) },
      // Declares 100 bytes, inflates to 50 MB: the reader stops at the declared size.
      { name: "bomb.pdf", data: Buffer.alloc(50 * 1024 ** 2, 0x25), declaredSize: 100 },
      { name: "../../etc/passwd.pdf", data: pdf },
      { name: "x", rawName: Buffer.from("/abs/path.pdf"), data: pdf },
      { name: "extra.pdf", data: pdf },
    ]);
    await settle();
    const before = await snapshotDatabase(t.runtime.database);
    const res = await uploadBatch(manifest, zip);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("batch_has_errors");
    expect(body.error.message.en).toContain("Nothing was issued");
    const issues: Issue[] = body.error.issues;
    const at = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message.en);
    expect(at("rows.2.title").join()).toContain("formula");
    expect(at("rows.3.externalId").join()).toContain("Duplicate external id");
    expect(at("rows.3.studentNumber").join()).toContain("No learner");
    expect(at("rows.3.issueDate").join()).toContain("Invalid issue date");
    expect(at("rows.4.documentType").join()).toContain("Unknown document type");
    expect(at("rows.4.issueDate").join()).toContain("future");
    expect(at("rows.4.file").join()).toContain("missing");
    expect(at("rows.5.file").join()).toContain("is not a PDF");
    expect(at("rows.6.file").join()).toContain("encrypted");
    expect(at("archive.bomb.pdf").join()).toContain("Unreadable");
    expect(at("rows.8.file").join()).toContain("already used on line 2");
    expect(at("rows.9.row").join()).toContain("values instead of 6");
    expect(at("archive.extra.pdf").join()).toContain("not in the manifest");
    expect(issues.filter((i) => i.message.en.includes("File name refused"))).toHaveLength(2);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses wrong columns, a non-UTF-8 manifest, a file that is not a ZIP, and 10,000 bad rows at once", async () => {
    const zip = makeZip([{ name: "a.pdf", data: await samplePdf() }]);
    await settle();
    const before = await snapshotDatabase(t.runtime.database);
    const columns = await uploadBatch("id,name,file\n1,x,a.pdf", zip);
    expect(columns.statusCode).toBe(400);
    expect(columns.json().error.issues[0].message.en).toContain("Unknown columns: id, name");
    const latin1 = Buffer.from(
      "external_id,student_number,document_type,title,issue_date,file\n1,2,3,Diplôme,2026-01-01,a.pdf",
      "latin1",
    );
    expect((await uploadBatch(latin1, zip)).json().error.code).toBe("csv_not_utf8");
    const notZip = await uploadBatch(
      "external_id,student_number,document_type,title,issue_date,file\n1,2,3,t,2026-01-01,a.pdf",
      Buffer.from("PK\x03\x04 truncated"),
    );
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.code).toBe("archive_invalid");
    const rows = ["external_id,student_number,document_type,title,issue_date,file"];
    for (let i = 0; i < 10_000; i++) rows.push(`R${i},UNKNOWN${i},${type.code},Title,2026-06-15,a.pdf`);
    const many = await uploadBatch(rows.join("\n"), zip);
    expect(many.statusCode).toBe(422);
    expect(many.json().error.issues.length).toBeGreaterThanOrEqual(10_000);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("lets staff resend an invitation (new code, old one replaced), audited", async () => {
    const eve = await makeLearner(t.core, inst, { givenName: "Eve" });
    expect((await issue(eve)).statusCode).toBe(201);
    await t.waitForMail(eve.institutionalEmail as string, "mot de passe de réclamation");
    const [first] = await t.core.stores.learnerInvitations.findByLearners([eve.id]);
    const res = await admin.post(`${base}/learners/${eve.id}/invitation/resend`);
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 200; i++) {
      const [now] = await t.core.stores.learnerInvitations.findByLearners([eve.id]);
      if (now?.sendCount === 2) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const [second] = await t.core.stores.learnerInvitations.findByLearners([eve.id]);
    expect(second).toMatchObject({ status: "sent", sendCount: 2 });
    expect(second?.codeHash).not.toBe(first?.codeHash);
    const status = await admin.get(`${base}/learners/${eve.id}/invitation`);
    expect(status.json().invitation).toMatchObject({ status: "sent", sendCount: 2 });
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "learner_invitation.resent",
      limit: 5,
    });
    expect(events[0]?.targetId).toBe(eve.id);
  });

  it("answers 404 to another institution's staff on every issuing route, and changes nothing", async () => {
    const other = await makeInstitution(t.core);
    const outsider = await signedInClient(t, { institutionId: other.id });
    const [batch] = await t.core.stores.batches.list(inst.id, 1);
    const zip = makeZip([{ name: "a.pdf", data: await samplePdf() }]);
    const manifest = `external_id,student_number,document_type,title,issue_date,file\nX-${uniq()},${ana.studentNumber},${type.code},T,2026-06-15,a.pdf`;
    const body = multipartBody([
      { name: "manifest", file: Buffer.from(manifest), filename: "m.csv" },
      { name: "files", file: zip, filename: "f.zip" },
    ]);
    await settle();
    const before = await snapshotDatabase(t.runtime.database);
    const responses = [
      await outsider.post(`${base}/documents`, {
        learnerId: ana.id,
        documentTypeId: type.id,
        title: "T",
        issueDate: "2026-06-15",
        pdf: Buffer.from(await samplePdf()).toString("base64"),
      }),
      await outsider.raw("POST", `${base}/batches`, { payload: body.payload, headers: body.headers }),
      await outsider.get(`${base}/batches`),
      await outsider.get(`${base}/batches/${batch?.id}`),
      await outsider.get(`${base}/batches/${batch?.id}/items`),
      await outsider.get(`${base}/batches/${batch?.id}/errors.csv`),
      await outsider.get(`${base}/learners/${ana.id}/invitation`),
      await outsider.post(`${base}/learners/${ana.id}/invitation/resend`),
      // Their own institution's routes with our ids: still nothing.
      await outsider.get(`/api/v1/institutions/${other.slug}/batches/${batch?.id}`),
      await outsider.get(`/api/v1/institutions/${other.slug}/learners/${ana.id}/invitation`),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual(Array(responses.length).fill(404));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
    const anonymous = await t.app.inject({ method: "GET", url: `${base}/batches` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("learner invitations over SMTP", () => {
  it("marks an invitation failed at once when the mail server bounces it, and sends it after a resend", async () => {
    let refuse = true;
    const smtp = await startSmtpSink({ rejects: (address) => refuse && address.startsWith("gone") });
    const t = await startTestApp("postgres", {
      worker: true,
      configuredMailer: true,
      env: { SMTP_URL: smtp.url },
    });
    try {
      const inst = await makeInstitution(t.core);
      const staff = await signedInClient(t, { institutionId: inst.id });
      const learner = await makeLearner(t.core, inst, { personalEmail: `gone-${uniq()}@example.test` });
      const type = await makeDocumentType(t.core, inst);
      const res = await staff.post(`/api/v1/institutions/${inst.slug}/documents`, {
        learnerId: learner.id,
        documentTypeId: type.id,
        title: "Attestation",
        issueDate: "2026-06-15",
        pdf: Buffer.from(await samplePdf()).toString("base64"),
      });
      expect(res.statusCode).toBe(201);
      await t.runtime.startWorker().idle();
      const url = `/api/v1/institutions/${inst.slug}/learners/${learner.id}/invitation`;
      const failed = (await staff.get(url)).json().invitation;
      expect(failed.status).toBe("failed");
      expect(failed.lastError).toContain("bounced (550)");
      const jobs = await t.runtime.database.db.execute(
        sql`select state, attempts from jobs where queue = 'learner.invite'`,
      );
      expect((jobs as unknown as { rows: unknown[] }).rows).toEqual([{ state: "failed", attempts: 1 }]);
      refuse = false;
      expect((await staff.post(`${url}/resend`)).statusCode).toBe(200);
      await t.runtime.startWorker().idle();
      expect((await staff.get(url)).json().invitation).toMatchObject({ status: "sent", lastError: null });
      expect(smtp.messages.filter((m) => m.to.includes(learner.personalEmail as string))).toHaveLength(2);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe("an invitation claimed while its email job runs", () => {
  it("stays claimed and sends no code (the learner signed in through the institution meanwhile)", async () => {
    const t = await startTestApp("pglite");
    try {
      const inst = await makeInstitution(t.core);
      const learner = await makeLearner(t.core, inst);
      const type = await makeDocumentType(t.core, inst);
      await issueDocument(t.core, BY_CLI, inst, {
        learnerId: learner.id,
        documentTypeId: type.id,
        title: "Attestation",
        issueDate: "2026-06-15",
        pdf: await samplePdf(),
      });
      const [job] = await t.core.stores.jobs.claim(["learner.invite"], 1, 60_000, t.clock.now());
      expect(job).toBeDefined();
      // The job has its row in hand; the learner claims before it writes the new code.
      expect(await t.core.stores.learnerInvitations.markClaimedForLearner(learner.id, t.clock.now())).toBe(
        true,
      );
      await sendLearnerInvitation(t.core, { job: job as JobRecord, heartbeat: async () => {} });
      const [invitation] = await t.core.stores.learnerInvitations.findByLearners([learner.id]);
      expect(invitation).toMatchObject({ status: "claimed", sendCount: 0, codeHash: null });
      expect(await t.mail.list()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
