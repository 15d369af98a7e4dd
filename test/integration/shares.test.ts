import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const DAY_MS = 86_400_000;

describe.each(BACKENDS)("sharing documents on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A signed-in learner with two documents in their wallet. */
  const learner = async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst, { givenName: "Léa", familyName: `Tremblay ${uniq()}` });
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const a = await makeDocument(t.core, inst, { learner: rec, type, title: `Diplôme ${uniq()}` });
    const b = await makeDocument(t.core, inst, { learner: rec, type, title: `Relevé ${uniq()}` });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { c, user: u.user, rec, docs: [a.document, b.document], bytes: a.bytes };
  };
  const tokenOf = (link: string) => link.split("/s/")[1] as string;
  const rows = async (q: string) =>
    ((await t.runtime.database.db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] })
      .rows;

  it("creates a link share of two documents: a 256-bit token that only the answer holds", async () => {
    const l = await learner();
    const res = await l.c.post("/api/v1/shares", {
      channel: "link",
      documentIds: l.docs.map((d) => d.id),
      lifetimeDays: 30,
      downloadAllowed: false,
    });
    expect(res.statusCode).toBe(201);
    const { share, link } = res.json();
    expect(link).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43,}$/);
    expect(share).toMatchObject({ channel: "link", status: "active", downloadAllowed: false, viewCount: 0 });
    expect(share.documents).toHaveLength(2);
    expect(new Date(share.expiresAt).getTime() - new Date(share.createdAt).getTime()).toBe(30 * DAY_MS);
    const token = tokenOf(link);
    expect(await snapshotDatabase(t.runtime.database)).not.toContain(token);
    const [row] = await rows(`select token_hash from shares where id = '${share.id}'`);
    expect(row?.token_hash).toBe(t.core.secrets.hashToken(token));
    const audit = await t.core.stores.audit.list({ institutionId: null, action: "share.created", limit: 5 });
    expect(audit.some((e) => e.targetId === share.id)).toBe(true);
  });

  it("shows the recipient the documents with their status, counts views, records them; downloads only when allowed", async () => {
    const l = await learner();
    const mk = async (downloadAllowed: boolean) =>
      (
        await l.c.post("/api/v1/shares", { channel: "link", documentIds: [l.docs[0]?.id], downloadAllowed })
      ).json();
    const allowed = await mk(true);
    const refused = await mk(false);
    const r = new TestClient(t.app);
    const view = await r.get(`/api/v1/shares/${tokenOf(allowed.link)}`);
    expect(view.statusCode).toBe(200);
    const s = view.json().share;
    expect(s).toMatchObject({ state: "open", recipient: null, learnerName: `Léa ${l.rec.familyName}` });
    expect(s.documents[0]).toMatchObject({ id: l.docs[0]?.id, status: "active", downloadAllowed: true });
    const file = await r.get(`/api/v1/shares/${tokenOf(allowed.link)}/documents/${l.docs[0]?.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, Buffer.from(l.bytes))).toBe(0);
    // Another document of the learner is not in the share.
    expect(
      (await r.get(`/api/v1/shares/${tokenOf(allowed.link)}/documents/${l.docs[1]?.id}/file`)).statusCode,
    ).toBe(404);

    const r2 = new TestClient(t.app);
    expect(
      (await r2.get(`/api/v1/shares/${tokenOf(refused.link)}`)).json().share.documents[0].downloadAllowed,
    ).toBe(false);
    expect(
      (await r2.get(`/api/v1/shares/${tokenOf(refused.link)}/documents/${l.docs[0]?.id}/file`)).statusCode,
    ).toBe(404);
    // Without having opened the share (no access cookie), no download either.
    expect(
      (
        await new TestClient(t.app).get(
          `/api/v1/shares/${tokenOf(allowed.link)}/documents/${l.docs[0]?.id}/file`,
        )
      ).statusCode,
    ).toBe(404);

    const history = (await l.c.get("/api/v1/shares")).json().shares;
    const h = history.find((x: { id: string }) => x.id === allowed.share.id);
    expect(h.viewCount).toBe(1);
    expect(h.events.map((e: { kind: string }) => e.kind)).toEqual(["view", "download"]);
  });

  it("public metadata holds only what the learner chose to share", async () => {
    const l = await learner();
    const { link } = (
      await l.c.post("/api/v1/shares", { channel: "public", documentIds: [l.docs[0]?.id] })
    ).json();
    const body = (await new TestClient(t.app).get(`/api/v1/shares/${tokenOf(link)}`)).body;
    for (const secret of [
      l.user.email,
      l.rec.studentNumber,
      l.rec.institutionalEmail,
      l.docs[1]?.title,
      l.docs[1]?.id,
      l.user.id,
    ])
      expect(body).not.toContain(String(secret));
    expect(body).toContain(l.docs[0]?.title as string);
  });

  it("enforces a three-use limit atomically: views and downloads count, the link then names nobody", async () => {
    const l = await learner();
    const { link, share } = (
      await l.c.post("/api/v1/shares", {
        channel: "link",
        documentIds: [l.docs[0]?.id],
        passcode: "tulipe-42",
        maxViews: 3,
      })
    ).json();
    const token = tokenOf(link);
    const r = new TestClient(t.app);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share).toMatchObject({
      state: "locked",
      needs: { passcode: true, code: false },
      lockedUntil: null,
    });
    expect((await r.post(`/api/v1/shares/${token}/access`, { passcode: "wrong" })).statusCode).toBe(403);
    const granted = await r.post(`/api/v1/shares/${token}/access`, { passcode: "tulipe-42" });
    expect(granted.statusCode).toBe(200);
    // The access cookie belongs to this share's path alone: a browser keeps one per open share.
    expect(String(granted.headers["set-cookie"])).toContain(`Path=/api/v1/shares/${token};`);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share).toMatchObject({
      state: "open",
      usesLeft: 2,
    });
    const file = `/api/v1/shares/${token}/documents/${l.docs[0]?.id}/file`;
    expect((await r.get(file)).statusCode).toBe(200);
    // The viewer's rendition belongs to the opening: it takes nothing.
    expect((await r.get(`${file}?view=1`)).statusCode).toBe(200);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share).toMatchObject({
      state: "open",
      usesLeft: 0,
    });
    const refused = await r.get(file);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("share_used_up");
    const third = await r.get(`/api/v1/shares/${token}`);
    expect(third.statusCode).toBe(404);
    expect(third.json().share).toEqual({
      state: "unavailable",
      reason: "used_up",
      institutions: [{ nameFr: inst.nameFr, nameEn: inst.nameEn }],
    });
    expect(third.body).not.toContain(l.rec.familyName);
    const summary = (await l.c.get("/api/v1/shares"))
      .json()
      .shares.find((x: { id: string }) => x.id === share.id);
    expect(summary).toMatchObject({ status: "used_up", viewCount: 2, downloadCount: 1, maxViews: 3 });
    expect(share.hasPasscode).toBe(true);
  });

  it("emails the recipient the link, then a one-time code that opens it once", async () => {
    const l = await learner();
    const to = `friend-${uniq()}@elsewhere.test`;
    const res = await l.c.post("/api/v1/shares", {
      channel: "email",
      documentIds: [l.docs[0]?.id],
      recipientEmail: to,
      message: "Voici mon diplôme",
      notifyOnFirstView: true,
    });
    expect(res.statusCode).toBe(201);
    const mail = await t.waitForMail(to, "vous transmet");
    expect(mail.text).toContain("Voici mon diplôme");
    const token = tokenOf(res.json().link);
    expect(mail.text).toContain(`/s/${token}`);
    const r = new TestClient(t.app);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share).toMatchObject({
      state: "locked",
      needs: { passcode: false, code: true },
    });
    expect((await r.post(`/api/v1/shares/${token}/code`, { locale: "en" })).statusCode).toBe(200);
    const codeMail = await t.waitForMail(to, "code");
    // In the language the recipient reads the page in, first.
    expect(codeMail.subject).toBe(
      "Your code to view the documents / Votre code pour consulter les documents",
    );
    const code = /: (\d{8})/.exec(codeMail.text)?.[1] as string;
    expect(code).toHaveLength(8);
    expect(await snapshotDatabase(t.runtime.database)).not.toContain(code);
    expect((await r.post(`/api/v1/shares/${token}/access`, { code: "00000000" })).statusCode).toBe(403);
    expect((await r.post(`/api/v1/shares/${token}/access`, { code })).statusCode).toBe(200);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share).toMatchObject({
      state: "open",
      recipient: to,
    });
    // The code worked once.
    expect((await new TestClient(t.app).post(`/api/v1/shares/${token}/access`, { code })).statusCode).toBe(
      403,
    );
    await t.waitForMail(l.user.email, "consulté");
    const jobs = await rows("select payload::text as p from jobs");
    expect(JSON.stringify(jobs)).not.toContain(token);
    expect(JSON.stringify(jobs)).not.toContain(code);
  });

  it("files an organization share in its inbox and notifies its contact address", async () => {
    const l = await learner();
    const contact = `admissions-${uniq()}@org.test`;
    const org = await t.core.stores.organizations.create({
      slug: `org-${uniq()}`,
      nameFr: "Université Exemple",
      nameEn: "Example University",
      kind: "education",
      country: "CA",
      contactEmail: contact,
      searchText: "universite exemple",
    });
    const res = await l.c.post("/api/v1/shares", {
      channel: "organization",
      organizationId: org?.id,
      documentIds: l.docs.map((d) => d.id),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().link).toBeNull();
    expect(res.json().share.organization).toMatchObject({ nameEn: "Example University" });
    const inbox = await rows(
      `select organization_id from organization_inbox where share_id = '${res.json().share.id}'`,
    );
    expect(inbox).toEqual([{ organization_id: org?.id }]);
    await t.waitForMail(contact);
    const unknown = await l.c.post("/api/v1/shares", {
      channel: "organization",
      organizationId: t.core.newId(),
      documentIds: [l.docs[0]?.id],
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("expires with time, stops at once when revoked, and answers guessed tokens 404 without a trace", async () => {
    const l = await learner();
    const mk = async () =>
      (
        await l.c.post("/api/v1/shares", { channel: "link", documentIds: [l.docs[0]?.id], lifetimeDays: 2 })
      ).json();
    const a = await mk();
    const b = await mk();
    const r = new TestClient(t.app);
    const revoked = await l.c.post(`/api/v1/shares/${b.share.id}/revoke`);
    expect(revoked.json().share.status).toBe("revoked");
    const gone = await r.get(`/api/v1/shares/${tokenOf(b.link)}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().share).toMatchObject({ reason: "revoked", institutions: [{ nameFr: inst.nameFr }] });
    // Who issued the documents, never whose they are.
    expect(gone.json().share.learnerName).toBeUndefined();
    expect(gone.body).not.toContain(l.rec.familyName);
    expect(gone.body).not.toContain("Léa");
    const audit = await t.core.stores.audit.list({ institutionId: null, action: "share.revoked", limit: 5 });
    expect(audit.some((e) => e.targetId === b.share.id)).toBe(true);

    // Views batched and mail queued (learners' invitations) by the steps before land first.
    await t.core.shareViews.flush();
    await t.runtime.startWorker().idle();
    const before = await snapshotDatabase(t.runtime.database);
    const guessed = await r.get(`/api/v1/shares/${t.core.secrets.randomToken()}`);
    expect(guessed.statusCode).toBe(404);
    expect(guessed.json().share).toBeUndefined();
    expect((await r.get("/api/v1/shares/x")).statusCode).toBe(404);
    expect(
      (await r.post(`/api/v1/shares/${t.core.secrets.randomToken()}/access`, { passcode: "abcd" }))
        .statusCode,
    ).toBe(404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    t.clock.advance(3 * DAY_MS);
    try {
      const expired = await r.get(`/api/v1/shares/${tokenOf(a.link)}`);
      expect(expired.statusCode).toBe(404);
      expect(expired.json().share.reason).toBe("expired");
      expect(expired.body).not.toContain(l.rec.familyName);
      expect(
        (await l.c.get("/api/v1/shares")).json().shares.find((s: { id: string }) => s.id === a.share.id)
          .status,
      ).toBe("expired");
      // Extended: it opens again, never past a year after its creation.
      expect((await l.c.post(`/api/v1/shares/${a.share.id}/extend`, { days: 10 })).statusCode).toBe(200);
      expect((await r.get(`/api/v1/shares/${tokenOf(a.link)}`)).statusCode).toBe(200);
      const far = await l.c.post(`/api/v1/shares/${a.share.id}/extend`, { days: 365 });
      expect(new Date(far.json().share.expiresAt).getTime()).toBe(
        new Date(a.share.createdAt).getTime() + 365 * DAY_MS,
      );
      expect((await l.c.post(`/api/v1/shares/${a.share.id}/extend`, { days: 1 })).statusCode).toBe(409);
    } finally {
      t.clock.advance(-3 * DAY_MS);
    }
  });

  it("refuses another learner, API-less anonymous callers, others' documents and revoked ones", async () => {
    const owner = await learner();
    const other = await learner();
    const { share } = (
      await owner.c.post("/api/v1/shares", { channel: "link", documentIds: [owner.docs[0]?.id] })
    ).json();
    // Views batched and mail queued (learners' invitations) by the steps before land first.
    await t.core.shareViews.flush();
    await t.runtime.startWorker().idle();
    const before = await snapshotDatabase(t.runtime.database);
    expect((await other.c.get("/api/v1/shares")).json().shares).toEqual([]);
    expect((await other.c.post(`/api/v1/shares/${share.id}/revoke`)).statusCode).toBe(404);
    expect((await other.c.post(`/api/v1/shares/${share.id}/extend`, { days: 5 })).statusCode).toBe(404);
    expect(
      (await other.c.post("/api/v1/shares", { channel: "link", documentIds: [owner.docs[0]?.id] }))
        .statusCode,
    ).toBe(404);
    const anon = new TestClient(t.app);
    expect((await anon.get("/api/v1/shares")).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/shares/${share.id}/revoke`)).statusCode).toBe(401);
    expect(
      (await anon.post("/api/v1/shares", { channel: "link", documentIds: [owner.docs[0]?.id] })).statusCode,
    ).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    await t.core.stores.documents.revoke(inst.id, owner.docs[1]?.id as string, {
      reason: "erreur",
      now: new Date(),
    });
    const refused = await owner.c.post("/api/v1/shares", {
      channel: "link",
      documentIds: [owner.docs[1]?.id],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("document_not_active");
    const bad = await owner.c.post("/api/v1/shares", { channel: "email", documentIds: [owner.docs[0]?.id] });
    expect(bad.statusCode).toBe(400);
  });

  it("prices a share whose type has a fee and creates nothing before payment", async () => {
    const priced = await t.core.stores.documentTypes.create(inst.id, {
      code: `P${uniq().toUpperCase()}`,
      nameFr: "Diplôme",
      nameEn: "Diploma",
      descriptionFr: "",
      descriptionEn: "",
      unlockFeeCents: 0,
      shareFeeCents: 500,
      currency: "CAD",
      downloadAllowed: true,
      defaultShareDays: 60,
    });
    const l = await learner();
    const { document } = await makeDocument(t.core, inst, { learner: l.rec, type: priced as DocumentType });
    const body = { channel: "public", documentIds: [document.id] };
    const quote = await l.c.post("/api/v1/shares/quote", body);
    expect(quote.json().quote).toMatchObject({ amountCents: 500, currency: "CAD" });
    // Views batched and mail queued (learners' invitations) by the steps before land first.
    await t.core.shareViews.flush();
    await t.runtime.startWorker().idle();
    const before = await snapshotDatabase(t.runtime.database);
    const res = await l.c.post("/api/v1/shares", body);
    expect(res.statusCode).toBe(402);
    expect(res.json().error.message.en).toContain("fee");
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("serves a public share's page with OpenGraph tags naming only the learner, type and institution", async () => {
    const l = await learner();
    const { link } = (
      await l.c.post("/api/v1/shares", { channel: "public", documentIds: [l.docs[0]?.id] })
    ).json();
    const { publicShareHead } = await import("../../src/server/public-share-head.ts");
    const head = (await publicShareHead(t.core, tokenOf(link))) as string;
    expect(head).toContain('property="og:title"');
    expect(head).toContain('name="twitter:card"');
    expect(head).toContain(inst.nameFr);
    expect(head).toContain(l.rec.familyName);
    expect(head).not.toContain(l.docs[0]?.title as string);
    const linkShare = (
      await l.c.post("/api/v1/shares", { channel: "link", documentIds: [l.docs[0]?.id] })
    ).json();
    expect(await publicShareHead(t.core, tokenOf(linkShare.link))).toBeNull();
  });
});
