import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/** The viewer's read of a document (?view=1): inline, allowed without download rights, never a download. */
describe.each(BACKENDS)("the document viewer's file on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  const learner = async (docType = type) => {
    const u = await makeUser(t.core, { email: `viewer-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const a = await makeDocument(t.core, inst, { learner: rec, type: docType, title: `Diplôme ${uniq()}` });
    const b = await makeDocument(t.core, inst, { learner: rec, type: docType, title: `Relevé ${uniq()}` });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { c, docs: [a.document, b.document], bytes: a.bytes };
  };
  const tokenOf = (link: string) => link.split("/s/")[1] as string;
  const fileUrl = (token: string, id: string | undefined, view = true) =>
    `/api/v1/shares/${token}/documents/${id}/file${view ? "?view=1" : ""}`;
  /** The share's recorded events (the batched views written first). */
  const events = async (shareId: string) => {
    await t.core.shareViews.flush();
    const res = (await t.runtime.database.db.execute(
      sql`select kind from share_events where share_id = ${shareId} order by created_at, kind`,
    )) as unknown as { rows: { kind: string }[] };
    return res.rows.map((r) => r.kind);
  };
  const allEvents = async () => {
    await t.core.shareViews.flush();
    const res = (await t.runtime.database.db.execute(
      sql`select count(*)::int as n from share_events`,
    )) as unknown as { rows: { n: number }[] };
    return res.rows[0]?.n;
  };

  it("a share that refuses downloads lets the browser that opened it read the file inline, recording no download", async () => {
    const l = await learner();
    const { link, share } = (
      await l.c.post("/api/v1/shares", {
        channel: "link",
        documentIds: [l.docs[0]?.id],
        downloadAllowed: false,
      })
    ).json();
    const token = tokenOf(link);
    const r = new TestClient(t.app);
    expect((await r.get(`/api/v1/shares/${token}`)).json().share.documents[0].downloadAllowed).toBe(false);

    const view = await r.get(fileUrl(token, l.docs[0]?.id));
    expect(view.statusCode).toBe(200);
    expect(view.headers["content-type"]).toBe("application/pdf");
    expect(String(view.headers["content-disposition"])).toMatch(
      /^inline; filename="Diplome-[0-9a-f-]+\.pdf"$/,
    );
    expect(view.headers["cache-control"]).toBe("private, no-store");
    // The signed original, byte for byte: the watermark is drawn by the browser, never in the file.
    expect(Buffer.compare(view.rawPayload, Buffer.from(l.bytes))).toBe(0);
    // Twice: still nothing but the one view of the opening.
    expect((await r.get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(200);
    // The download itself stays refused.
    expect((await r.get(fileUrl(token, l.docs[0]?.id, false))).statusCode).toBe(404);
    expect(await events(share.id)).toEqual(["view"]);
    const history = (await l.c.get("/api/v1/shares"))
      .json()
      .shares.find((x: { id: string }) => x.id === share.id);
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(["view"]);
  });

  it("where downloads are allowed, only the real download is recorded", async () => {
    const l = await learner();
    const { link, share } = (
      await l.c.post("/api/v1/shares", {
        channel: "link",
        documentIds: [l.docs[0]?.id],
        downloadAllowed: true,
      })
    ).json();
    const token = tokenOf(link);
    const r = new TestClient(t.app);
    expect((await r.get(`/api/v1/shares/${token}`)).statusCode).toBe(200);
    expect((await r.get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(200);
    expect((await r.get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(200);
    expect(await events(share.id)).toEqual(["view"]);
    const download = await r.get(fileUrl(token, l.docs[0]?.id, false));
    expect(download.statusCode).toBe(200);
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment; /);
    expect(Buffer.compare(download.rawPayload, Buffer.from(l.bytes))).toBe(0);
    expect((await events(share.id)).sort()).toEqual(["download", "view"]);
  });

  it("refuses outsiders with 404 and records nothing: no access cookie, another document, a guessed token, a revoked share", async () => {
    const l = await learner();
    const { link, share } = (
      await l.c.post("/api/v1/shares", {
        channel: "link",
        documentIds: [l.docs[0]?.id],
        downloadAllowed: false,
      })
    ).json();
    const token = tokenOf(link);
    const r = new TestClient(t.app);
    expect((await r.get(`/api/v1/shares/${token}`)).statusCode).toBe(200);
    const before = await allEvents();

    // A browser that never opened the share (anonymous, or the learner themself).
    expect((await new TestClient(t.app).get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(404);
    expect((await l.c.get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(404);
    // The learner's other document, not in the share; a guessed document id; a guessed token.
    expect((await r.get(fileUrl(token, l.docs[1]?.id))).statusCode).toBe(404);
    expect((await r.get(fileUrl(token, crypto.randomUUID()))).statusCode).toBe(404);
    expect((await r.get(fileUrl(`${token.slice(0, -4)}AAAA`, l.docs[0]?.id))).statusCode).toBe(404);
    // Another learner's share cookie does not open this one.
    const other = await learner();
    const theirs = (
      await other.c.post("/api/v1/shares", { channel: "link", documentIds: [other.docs[0]?.id] })
    ).json();
    const r2 = new TestClient(t.app);
    expect((await r2.get(`/api/v1/shares/${tokenOf(theirs.link)}`)).statusCode).toBe(200);
    const afterTheirs = await allEvents();
    expect((await r2.get(fileUrl(token, l.docs[0]?.id))).statusCode).toBe(404);
    expect((await r2.get(fileUrl(tokenOf(theirs.link), l.docs[0]?.id))).statusCode).toBe(404);
    expect((await r.get(fileUrl(tokenOf(theirs.link), other.docs[0]?.id))).statusCode).toBe(404);
    // Revoked: the browser that opened it can no longer read it.
    expect((await l.c.post(`/api/v1/shares/${share.id}/revoke`)).statusCode).toBe(200);
    const revoked = await r.get(fileUrl(token, l.docs[0]?.id));
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers["content-type"]).toMatch(/json/);
    expect(await allEvents()).toBe(afterTheirs);
    expect((afterTheirs ?? 0) - (before ?? 0)).toBe(1); // the other share's own view, nothing else
    expect(await events(share.id)).toEqual(["view"]);
  });

  it("the wallet's viewer reads my unlocked document inline even when its type refuses downloads; not locked ones, not others'", async () => {
    const noDownload = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, noDownload.id, { downloadAllowed: false });
    const l = await learner(noDownload);
    const url = (id: string | undefined, view = true) =>
      `/api/v1/wallet/documents/${id}/file${view ? "?view=1" : ""}`;
    const view = await l.c.get(url(l.docs[0]?.id));
    expect(view.statusCode).toBe(200);
    expect(String(view.headers["content-disposition"])).toMatch(/^inline; /);
    expect(Buffer.compare(view.rawPayload, Buffer.from(l.bytes))).toBe(0);
    expect((await l.c.get(url(l.docs[0]?.id, false))).statusCode).toBe(403);

    // Another learner, an anonymous caller, a guessed id.
    const stranger = await signedInClient(t);
    expect((await stranger.get(url(l.docs[0]?.id))).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(url(l.docs[0]?.id))).statusCode).toBe(401);
    expect((await l.c.get(url(crypto.randomUUID()))).statusCode).toBe(404);

    // A document whose type charges to unlock: no view before it is paid for.
    const priced = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, priced.id, { unlockFeeCents: 500 });
    const p = await learner(priced);
    expect((await p.c.get(url(p.docs[0]?.id))).statusCode).toBe(402);
    expect((await p.c.get(url(p.docs[0]?.id, false))).statusCode).toBe(402);
  });
});
