import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const unhtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe.each(BACKENDS)("paying for a share (development gateway) on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let priced: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    inst = await makeInstitution(t.core);
    priced = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, priced.id, { shareFeeCents: 300 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const learnerWithDocument = async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const learner = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(learner.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner, type: priced });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { c, user: u.user, document };
  };
  /** Opens the test checkout and posts its Pay (0) or Cancel (1) form. */
  const checkout = async (url: string, which: 0 | 1) => {
    const path = new URL(url).pathname;
    const page = await t.app.inject({ method: "GET", url: path });
    const forms = [
      ...page.body.matchAll(/name="event" value="([^"]+)"[\s\S]*?name="signature" value="([^"]+)"/g),
    ];
    const f = forms[which];
    return t.app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ event: unhtml(f?.[1] ?? ""), signature: f?.[2] ?? "" }).toString(),
    });
  };

  it("creates nothing before payment, creates the share on confirmation, and hands its link over once", async () => {
    const { c, document } = await learnerWithDocument();
    const input = { channel: "link", documentIds: [document.id], passcode: "open sesame", maxViews: 2 };
    expect((await c.post("/api/v1/shares", input)).statusCode).toBe(402);
    const start = await c.post("/api/v1/wallet/shares/checkout", input);
    expect(start.statusCode).toBe(201);
    const { paymentId, url } = start.json() as { paymentId: string; url: string };
    const stored = await t.core.stores.payments.findById(paymentId);
    expect(stored).toMatchObject({ purpose: "share", amountCents: 300, status: "pending" });
    expect(JSON.stringify(stored?.intent)).not.toContain("open sesame");
    expect((await c.get("/api/v1/shares")).json().shares).toHaveLength(0);
    const pending = await c.post(`/api/v1/wallet/payments/${paymentId}/share`);
    expect(pending.json()).toEqual({ status: "pending", created: null, shareError: null });

    expect((await checkout(url, 0)).statusCode).toBe(303);
    const shares = (await c.get("/api/v1/shares")).json().shares;
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ channel: "link", hasPasscode: true, maxViews: 2 });

    const first = await c.post(`/api/v1/wallet/payments/${paymentId}/share`);
    expect(first.statusCode).toBe(200);
    const link = first.json().created.link as string;
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{40,}$/);
    const token = link.split("/s/")[1] ?? "";
    const opened = await new TestClient(t.app).get(`/api/v1/shares/${token}`);
    expect(opened.json().share).toMatchObject({ state: "locked", needs: { passcode: true } });
    const again = await c.post(`/api/v1/wallet/payments/${paymentId}/share`);
    expect(again.json().created).toMatchObject({ link: null, share: { id: shares[0].id } });
    expect(JSON.stringify((await t.core.stores.payments.findById(paymentId))?.intent)).not.toContain(token);
    const history = (await c.get("/api/v1/wallet/payments")).json().payments[0];
    expect(history).toMatchObject({ purpose: "share", status: "paid" });
    expect(history.receiptNumber).toMatch(/^R-/);
  });

  it("a cancelled checkout creates nothing; outsiders and unlock payments get 404", async () => {
    const { c, document } = await learnerWithDocument();
    const start = await c.post("/api/v1/wallet/shares/checkout", {
      channel: "public",
      documentIds: [document.id],
    });
    const { paymentId, url } = start.json() as { paymentId: string; url: string };
    await checkout(url, 1);
    expect((await c.get("/api/v1/shares")).json().shares).toHaveLength(0);
    expect((await c.post(`/api/v1/wallet/payments/${paymentId}/share`)).json().status).toBe("expired");

    const other = await learnerWithDocument();
    expect((await other.c.post(`/api/v1/wallet/payments/${paymentId}/share`)).statusCode).toBe(404);
    expect(
      (
        await other.c.post("/api/v1/wallet/shares/checkout", {
          channel: "public",
          documentIds: [document.id],
        })
      ).statusCode,
    ).toBe(404);
    const anon = new TestClient(t.app);
    expect((await anon.post(`/api/v1/wallet/payments/${paymentId}/share`)).statusCode).toBe(401);
    expect((await c.post(`/api/v1/wallet/payments/${crypto.randomUUID()}/share`)).statusCode).toBe(404);
    expect((await c.post("/api/v1/wallet/payments/not-a-uuid/share")).statusCode).toBe(400);
  });

  it("a share that can no longer be made after payment stays paid and says why", async () => {
    const { c, document } = await learnerWithDocument();
    const start = await c.post("/api/v1/wallet/shares/checkout", {
      channel: "public",
      documentIds: [document.id],
    });
    const { paymentId, url } = start.json() as { paymentId: string; url: string };
    await t.core.stores.documents.revoke(inst.id, document.id, { reason: "test", now: new Date() });
    expect((await checkout(url, 0)).statusCode).toBe(303);
    const res = await c.post(`/api/v1/wallet/payments/${paymentId}/share`);
    expect(res.json()).toEqual({ status: "paid", created: null, shareError: "document_not_active" });
  });

  /** A paid link share (its payment id and the learner's client). */
  const paidShare = async () => {
    const l = await learnerWithDocument();
    const start = await l.c.post("/api/v1/wallet/shares/checkout", {
      channel: "link",
      documentIds: [l.document.id],
    });
    const { paymentId, url } = start.json() as { paymentId: string; url: string };
    expect((await checkout(url, 0)).statusCode).toBe(303);
    return { ...l, paymentId };
  };
  const refund = async (paymentId: string) => {
    const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    const res = await admin.post(`/api/v1/institutions/${inst.slug}/payments/${paymentId}/refund`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("refunded");
  };
  const revokedAudit = async (shareId: string) =>
    (await t.core.stores.audit.list({ institutionId: inst.id, action: "share.revoked", limit: 50 })).filter(
      (e) => e.targetId === shareId,
    );

  it("refunding a share payment after its link was taken revokes the share (audited): the link is then refused", async () => {
    const { c, paymentId } = await paidShare();
    const taken = (await c.post(`/api/v1/wallet/payments/${paymentId}/share`)).json();
    const token = (taken.created.link as string).split("/s/")[1] ?? "";
    const recipient = new TestClient(t.app);
    expect((await recipient.get(`/api/v1/shares/${token}`)).statusCode).toBe(200);

    await refund(paymentId);
    const gone = await recipient.get(`/api/v1/shares/${token}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().share).toMatchObject({ reason: "revoked" });
    const [share] = (await c.get("/api/v1/shares")).json().shares;
    expect(share).toMatchObject({ id: taken.created.share.id, status: "revoked" });
    const audit = await revokedAudit(share.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ reason: "refunded", paymentId });
  });

  it("refunding a share payment before its link was taken revokes the share and never hands the link over", async () => {
    const { c, paymentId } = await paidShare();
    expect(JSON.stringify((await t.core.stores.payments.findById(paymentId))?.intent)).toContain(
      "sealedLink",
    );
    await refund(paymentId);
    expect(JSON.stringify((await t.core.stores.payments.findById(paymentId))?.intent)).not.toContain(
      "sealedLink",
    );
    const outcome = (await c.post(`/api/v1/wallet/payments/${paymentId}/share`)).json();
    expect(outcome).toMatchObject({
      status: "refunded",
      created: { link: null, share: { status: "revoked" } },
    });
    const [share] = (await c.get("/api/v1/shares")).json().shares;
    expect(share.status).toBe("revoked");
    expect(await revokedAudit(share.id)).toHaveLength(1);
  });

  it("a paid share with an organization notifies its staff once the payment commits", async () => {
    const org = await t.core.stores.organizations.create({
      slug: `org-${uniq()}`,
      nameFr: "Employeur Exemple",
      nameEn: "Example Employer",
      kind: "employer",
      country: "CA",
      contactEmail: null,
      searchText: "employeur exemple",
    });
    if (!org) throw new Error("no organization");
    const reviewer = await makeUser(t.core);
    await t.core.stores.users.update(reviewer.user.id, { locale: "en" });
    await t.core.stores.memberships.add({
      userId: reviewer.user.id,
      role: "reviewer",
      institutionId: null,
      organizationId: org.id,
    });
    const { c, document } = await learnerWithDocument();
    const start = await c.post("/api/v1/wallet/shares/checkout", {
      channel: "organization",
      organizationId: org.id,
      documentIds: [document.id],
    });
    expect(start.statusCode, start.body).toBe(201);
    expect((await checkout(start.json().url, 0)).statusCode).toBe(303);
    const mail = await t.waitForMail(reviewer.email, "Documents received");
    expect(mail.subject.startsWith("Documents received")).toBe(true);
  });
});
