import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const SECRET_KEY = "sk_test_sceau_local_only";
const WEBHOOK_SECRET = "whsec_sceau_test_secret";
const WEBHOOK = "/api/v1/payments/webhook/stripe";

/** A stand-in for api.stripe.com on loopback: records each request, answers like Stripe. */
async function startFakeStripe() {
  const requests: {
    method: string;
    path: string;
    headers: IncomingMessage["headers"];
    form: URLSearchParams;
  }[] = [];
  const sessions = new Map<string, "open" | "expired" | "complete">();
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const path = req.url ?? "";
      requests.push({
        method: req.method ?? "",
        path,
        headers: req.headers,
        form: new URLSearchParams(body),
      });
      const send = (o: object) => {
        res.writeHead(200, { "content-type": "application/json", "request-id": `req_${n}` });
        res.end(JSON.stringify(o));
      };
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        const id = `cs_test_${++n}_${uniq()}`;
        sessions.set(id, "open");
        return send({
          id,
          object: "checkout.session",
          status: "open",
          url: `https://checkout.example.test/${id}`,
        });
      }
      const m = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(path);
      if (req.method === "GET" && m?.[1]) {
        const id = decodeURIComponent(m[1]);
        return send({
          id,
          object: "checkout.session",
          status: sessions.get(id) ?? "expired",
          url: `https://checkout.example.test/${id}`,
        });
      }
      if (req.method === "POST" && path === "/v1/refunds")
        return send({ id: `re_${++n}`, object: "refund", status: "succeeded" });
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "unknown" } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, requests, sessions, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const stripeForTests = new Stripe(SECRET_KEY);

describe.each(BACKENDS)("fees and payments with Stripe on %s", (backend) => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeStripe>>;
  let inst: Institution;
  let priced: DocumentType;
  let free: DocumentType;
  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp(backend, {
      worker: true,
      env: { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: fake.url },
    });
    inst = await makeInstitution(t.core);
    priced = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, priced.id, { unlockFeeCents: 1250 });
    free = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => fake?.server.close(r));
  });

  /** A signed-in learner whose record is linked to their account, with one document of the type. */
  const learnerWithDocument = async (type: DocumentType = priced) => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const learner = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(learner.id, u.user.id);
    const { document, bytes } = await makeDocument(t.core, inst, {
      learner,
      type,
      title: `Diplôme ${uniq()}`,
    });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { c, user: u.user, document, bytes };
  };
  const webhook = (event: object, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    const header = stripeForTests.webhooks.generateTestHeaderString({ payload, secret });
    return t.app.inject({
      method: "POST",
      url: WEBHOOK,
      headers: { "stripe-signature": header, "content-type": "application/json" },
      payload,
    });
  };
  const sessionEvent = (
    type: string,
    s: { sessionId: string; paymentId: string },
    extra: Record<string, unknown> = {},
    id = `evt_${uniq()}${uniq()}`,
  ) => ({
    id,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    type,
    data: {
      object: {
        id: s.sessionId,
        object: "checkout.session",
        client_reference_id: s.paymentId,
        payment_status: type === "checkout.session.completed" ? "paid" : "unpaid",
        payment_intent: `pi_${s.paymentId.slice(0, 8)}`,
        ...extra,
      },
    },
  });
  const startCheckout = async (c: TestClient, documentId: string) => {
    const res = await c.post(`/api/v1/wallet/documents/${documentId}/unlock`);
    expect(res.statusCode).toBe(201);
    const { paymentId, url } = res.json() as { paymentId: string; url: string };
    const payment = await t.core.stores.payments.findById(paymentId);
    return { paymentId, url, sessionId: payment?.gatewaySessionId as string };
  };

  it("shows the price, creates a Stripe Checkout Session with our payment id, and unlocks only on a signed, paid event, once", async () => {
    const { c, user, document, bytes } = await learnerWithDocument();
    const quote = await c.get(`/api/v1/wallet/documents/${document.id}/unlock-quote`);
    expect(quote.statusCode).toBe(200);
    expect(quote.json()).toMatchObject({ amountCents: 1250, currency: "CAD", unlocked: false });
    expect(quote.json().formatted).toMatch(/^12,50\s\$$/);
    const en = await c.get(`/api/v1/wallet/documents/${document.id}/unlock-quote?lang=en`);
    expect(en.json().formatted).toBe("$12.50");
    const listed = (await c.get("/api/v1/wallet/documents")).json().documents[0];
    expect(listed.access).toEqual({
      unlocked: false,
      unlockFeeCents: 1250,
      currency: "CAD",
      downloadAllowed: true,
    });
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(402);

    const before = fake.requests.length;
    const started = await startCheckout(c, document.id);
    expect(started.url).toBe(`https://checkout.example.test/${started.sessionId}`);
    const sent = fake.requests[before];
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/v1/checkout/sessions");
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent?.headers["idempotency-key"]).toBe(`checkout-${started.paymentId}`);
    const f = sent?.form as URLSearchParams;
    expect(f.get("mode")).toBe("payment");
    expect(f.get("client_reference_id")).toBe(started.paymentId);
    expect(f.get("customer_email")).toBe(user.email);
    expect(f.get("line_items[0][price_data][unit_amount]")).toBe("1250");
    expect(f.get("line_items[0][price_data][currency]")).toBe("cad");
    expect(f.get("line_items[0][price_data][product_data][name]")).toContain(document.title);
    expect(f.get("locale")).toBe("fr-CA");
    expect(f.get("success_url")).toBe(
      `http://localhost:3000/wallet?payment=${started.paymentId}&checkout=done`,
    );
    const expiresAt = Number(f.get("expires_at")) * 1000;
    expect(Math.abs(expiresAt - (t.clock.now().getTime() + 30 * 60_000))).toBeLessThan(5000);

    // Asking again while the checkout is open returns the same checkout; nothing new is created.
    const again = await c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    expect(again.json()).toEqual({ paymentId: started.paymentId, url: started.url });
    expect(fake.requests.filter((r) => r.path === "/v1/checkout/sessions").length).toBe(
      fake.requests.slice(0, before).filter((r) => r.path === "/v1/checkout/sessions").length + 1,
    );

    // A bad signature (another secret), a missing one, or a body altered after signing: 400, nothing written.
    // Jobs queued by the fixtures (the learner's invitation email) finish first: they write too.
    await t.runtime.startWorker().idle();
    const snap = await snapshotDatabase(t.runtime.database);
    const paid = sessionEvent("checkout.session.completed", started);
    const forged = await webhook(paid, "whsec_someone_else");
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe("payment_signature_invalid");
    const unsigned = await t.app.inject({
      method: "POST",
      url: WEBHOOK,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(paid),
    });
    expect(unsigned.statusCode).toBe(400);
    const header = stripeForTests.webhooks.generateTestHeaderString({
      payload: JSON.stringify(paid),
      secret: WEBHOOK_SECRET,
    });
    const altered = await t.app.inject({
      method: "POST",
      url: WEBHOOK,
      headers: { "stripe-signature": header, "content-type": "application/json" },
      payload: JSON.stringify({ ...paid, id: "evt_other" }),
    });
    expect(altered.statusCode).toBe(400);
    expect(await snapshotDatabase(t.runtime.database)).toBe(snap);
    expect((await t.core.stores.payments.findById(started.paymentId))?.status).toBe("pending");

    // The paid event unlocks, with a receipt, an audit event and a receipt email.
    const ok = await webhook(paid);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ received: true, outcome: "applied" });
    const payment = await t.core.stores.payments.findById(started.paymentId);
    expect(payment).toMatchObject({
      status: "paid",
      gatewayPaymentId: `pi_${started.paymentId.slice(0, 8)}`,
    });
    expect(payment?.receiptNumber).toMatch(/^R-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const audit = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "payment.paid",
      limit: 50,
    });
    expect(audit.filter((e) => e.targetId === started.paymentId)).toHaveLength(1);
    const mail = await t.waitForMail(user.email, `Reçu ${payment?.receiptNumber}`);
    expect(mail.text).toContain("12,50");
    expect(mail.text).toContain("$12.50");
    expect(mail.text).toContain(document.title);
    expect(mail.html).toContain(inst.nameFr);

    // The same event again, another "paid" event for the same session, a late "expired": nothing changes.
    // Jobs queued by the fixtures (the learner's invitation email) finish first: they write too.
    await t.runtime.startWorker().idle();
    const afterPaid = await snapshotDatabase(t.runtime.database);
    expect((await webhook(paid)).json().outcome).toBe("duplicate");
    expect(await snapshotDatabase(t.runtime.database)).toBe(afterPaid);
    expect((await webhook(sessionEvent("checkout.session.completed", started))).json().outcome).toBe(
      "unchanged",
    );
    expect((await webhook(sessionEvent("checkout.session.expired", started))).json().outcome).toBe(
      "unchanged",
    );
    expect((await t.core.stores.payments.findById(started.paymentId))?.status).toBe("paid");
    const unlocks = await t.runtime.database.db.execute(
      sql`select count(*)::int as n from document_unlocks where document_id = ${document.id}`,
    );
    expect((unlocks as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);

    // Unlocked: the signed original downloads byte for byte; a new checkout is refused.
    const file = await c.get(`/api/v1/wallet/documents/${document.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
    const twice = await c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("document_already_unlocked");
    const history = (await c.get("/api/v1/wallet/payments")).json().payments;
    expect(history).toEqual([
      expect.objectContaining({
        id: started.paymentId,
        status: "paid",
        amountCents: 1250,
        currency: "CAD",
        receiptNumber: payment?.receiptNumber,
        document: { id: document.id, title: document.title },
      }),
    ]);
  });

  it("never unlocks an expired checkout, and an abandoned one expires on its own", async () => {
    const { c, document } = await learnerWithDocument();
    const first = await startCheckout(c, document.id);
    expect((await webhook(sessionEvent("checkout.session.expired", first))).json().outcome).toBe("applied");
    // Out of order: a "paid" event for a session that expired changes nothing.
    expect((await webhook(sessionEvent("checkout.session.completed", first))).json().outcome).toBe(
      "unchanged",
    );
    expect((await t.core.stores.payments.findById(first.paymentId))?.status).toBe("expired");
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(402);

    const second = await startCheckout(c, document.id);
    expect(second.paymentId).not.toBe(first.paymentId);
    fake.sessions.set(second.sessionId, "expired");
    t.clock.advance(31 * 60_000);
    try {
      const history = (await c.get("/api/v1/wallet/payments")).json().payments;
      expect(history.map((p: { status: string }) => p.status)).toEqual(["expired", "expired"]);
      const third = await startCheckout(c, document.id);
      expect(third.paymentId).not.toBe(second.paymentId);
    } finally {
      t.clock.advance(-31 * 60_000);
    }
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(402);
  });

  it("two Unlock clicks at once make one payment and one checkout URL; after expiry a new one starts", async () => {
    const { c, user, document } = await learnerWithDocument();
    const unlock = () => c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    const countPayments = async () => {
      const r = await t.runtime.database.db.execute(
        sql`select count(*)::int as n from payments where user_id = ${user.id} and document_id = ${document.id}`,
      );
      return (r as unknown as { rows: { n: number }[] }).rows[0] as { n: number };
    };
    const [a, b] = await Promise.all([unlock(), unlock()]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().paymentId).toBe(a.json().paymentId);
    expect(b.json().url).toBe(a.json().url);
    expect((await countPayments()).n).toBe(1);
    // Three more at once, and one more after: still the same payment and URL.
    const more = await Promise.all([unlock(), unlock(), unlock()]);
    for (const r of [...more, await unlock()]) expect(r.json()).toEqual(a.json());
    expect((await countPayments()).n).toBe(1);

    t.clock.advance(31 * 60_000);
    try {
      const [c1, c2] = await Promise.all([unlock(), unlock()]);
      expect(c1.statusCode).toBe(201);
      expect(c2.json()).toEqual(c1.json());
      expect(c1.json().paymentId).not.toBe(a.json().paymentId);
      expect(c1.json().url).not.toBe(a.json().url);
      expect((await countPayments()).n).toBe(2);
      expect((await t.core.stores.payments.findById(a.json().paymentId))?.status).toBe("expired");
    } finally {
      t.clock.advance(-31 * 60_000);
    }
  });

  it("an Unlock click after paying, before Stripe's event arrives, waits: the payment stays pending and the event unlocks", async () => {
    const { c, document } = await learnerWithDocument();
    const s = await startCheckout(c, document.id);
    fake.sessions.set(s.sessionId, "complete");
    const again = await c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "payment_being_confirmed",
      message: { fr: expect.stringContaining("confirmation"), en: expect.stringContaining("confirmed") },
    });
    expect((await t.core.stores.payments.findById(s.paymentId))?.status).toBe("pending");
    expect((await webhook(sessionEvent("checkout.session.completed", s))).json().outcome).toBe("applied");
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(200);
  });

  it("needs no payment for a free type, and refuses download when the type does not allow it", async () => {
    const { c, document, bytes } = await learnerWithDocument(free);
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/unlock-quote`)).json()).toMatchObject({
      amountCents: 0,
      unlocked: true,
    });
    const start = await c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    expect(start.statusCode).toBe(409);
    expect(start.json().error.code).toBe("payment_not_required");
    const file = await c.get(`/api/v1/wallet/documents/${document.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);

    const noDownload = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, noDownload.id, { downloadAllowed: false });
    const other = await learnerWithDocument(noDownload);
    const refused = await other.c.get(`/api/v1/wallet/documents/${other.document.id}/file`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("download_not_allowed");
  });

  it("refunds (institution admin, audited): the money goes back through Stripe and the unlock is withdrawn; the revenue report counts both", async () => {
    const { c, document } = await learnerWithDocument();
    const s = await startCheckout(c, document.id);
    await webhook(sessionEvent("checkout.session.completed", s));
    const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    const issuer = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    expect(
      (await issuer.post(`/api/v1/institutions/${inst.slug}/payments/${s.paymentId}/refund`)).statusCode,
    ).toBe(404);

    const before = fake.requests.length;
    const refund = await admin.post(`/api/v1/institutions/${inst.slug}/payments/${s.paymentId}/refund`);
    expect(refund.statusCode).toBe(200);
    expect(refund.json().status).toBe("refunded");
    const sent = fake.requests.slice(before).find((r) => r.path === "/v1/refunds");
    expect(sent?.form.get("payment_intent")).toBe(`pi_${s.paymentId.slice(0, 8)}`);
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(402);
    const again = await admin.post(`/api/v1/institutions/${inst.slug}/payments/${s.paymentId}/refund`);
    expect(again.json().error.code).toBe("payment_not_refundable");
    const audit = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "payment.refunded",
      limit: 50,
    });
    expect(audit.some((e) => e.targetId === s.paymentId)).toBe(true);

    const report = await admin.get(`/api/v1/institutions/${inst.slug}/revenue`);
    expect(report.statusCode).toBe(200);
    const line = report
      .json()
      .lines.find((l: { documentType: { id: string } }) => l.documentType.id === priced.id);
    expect(line).toMatchObject({ purpose: "unlock", currency: "CAD" });
    expect(line.paidCount).toBeGreaterThanOrEqual(2);
    expect(line.refundedCount).toBe(1);
    expect(line.refundedCents).toBe(1250);
    const csv = await admin.get(`/api/v1/institutions/${inst.slug}/revenue.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe(
      "document_type_fr,document_type_en,purpose,currency,paid_count,paid_amount,refunded_count,refunded_amount,net_amount",
    );
    expect(csv.body).toContain(",unlock,CAD,");
    const exported = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "payment.revenue_exported",
      limit: 5,
    });
    expect(exported.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/v1/institutions/${inst.slug}/revenue?from=2026-13-01`)).statusCode).toBe(
      400,
    );
  });

  it("outsiders: another learner, staff of another institution, anonymous get 404/401 and nothing is written", async () => {
    const { document } = await learnerWithDocument();
    const otherLearner = (await learnerWithDocument()).c;
    const otherInst = await makeInstitution(t.core);
    const otherAdmin = await signedInClient(t, { institutionId: otherInst.id, role: "institution_admin" });
    const ownStaff = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    const anonymous = new TestClient(t.app);
    const guessed = "00000000-0000-4000-8000-000000000000";
    // Jobs queued by the fixtures (the learner's invitation email) finish first: they write too.
    await t.runtime.startWorker().idle();
    const snap = await snapshotDatabase(t.runtime.database);
    for (const c of [otherLearner, otherAdmin, ownStaff]) {
      for (const id of [document.id, guessed]) {
        expect((await c.get(`/api/v1/wallet/documents/${id}/unlock-quote`)).statusCode).toBe(404);
        expect((await c.post(`/api/v1/wallet/documents/${id}/unlock`)).statusCode).toBe(404);
        expect((await c.get(`/api/v1/wallet/documents/${id}/file`)).statusCode).toBe(404);
      }
    }
    for (const c of [otherLearner, otherAdmin]) {
      expect((await c.get(`/api/v1/institutions/${inst.slug}/revenue`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/institutions/${inst.slug}/revenue.csv`)).statusCode).toBe(404);
    }
    expect((await anonymous.get(`/api/v1/wallet/documents/${document.id}/unlock-quote`)).statusCode).toBe(
      401,
    );
    expect((await anonymous.post(`/api/v1/wallet/documents/${document.id}/unlock`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(401);
    expect((await anonymous.get("/api/v1/wallet/payments")).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/institutions/${inst.slug}/revenue`)).statusCode).toBe(401);
    expect((await otherLearner.get(`/api/v1/wallet/documents/not-a-uuid/file`)).statusCode).toBe(400);
    expect(await snapshotDatabase(t.runtime.database)).toBe(snap);
    // The development gateway's page does not exist when Stripe is configured.
    expect((await anonymous.get("/payments/test-checkout/dev_cs_aaaaaaaaaaaaaaaaaaaa")).statusCode).toBe(404);
  });
});

describe.each(BACKENDS)("the development gateway on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves a labelled test checkout whose Pay button unlocks and whose forged events are refused", async () => {
    const inst = await makeInstitution(t.core);
    const type = await makeDocumentType(t.core, inst);
    await t.core.stores.documentTypes.update(inst.id, type.id, { unlockFeeCents: 500 });
    const u = await makeUser(t.core);
    const learner = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(learner.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner, type });
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const start = await c.post(`/api/v1/wallet/documents/${document.id}/unlock`);
    expect(start.statusCode).toBe(201);
    const url = new URL(start.json().url);
    expect(url.pathname).toMatch(/^\/payments\/test-checkout\/dev_cs_/);
    const page = await t.app.inject({ method: "GET", url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("TEST — aucun argent n'est débité");
    expect(page.body).toContain("TEST — no money moves");
    expect(page.headers["content-security-policy"]).toContain("form-action 'self'");
    const forms = [
      ...page.body.matchAll(/name="event" value="([^"]+)"[\s\S]*?name="signature" value="([^"]+)"/g),
    ];
    expect(forms).toHaveLength(2);
    const unhtml = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, "&");
    const [pay] = forms.map((m) => ({ event: unhtml(m[1] as string), signature: m[2] as string }));
    const post = (event: string, signature: string) =>
      t.app.inject({
        method: "POST",
        url: url.pathname,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ event, signature }).toString(),
      });
    const forged = await post(pay?.event.replace('"paid"', '"paid" ') ?? "", pay?.signature ?? "");
    expect(forged.statusCode).toBe(400);
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(402);
    const paid = await post(pay?.event ?? "", pay?.signature ?? "");
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toContain("/wallet?payment=");
    expect(paid.headers.location).toContain("checkout=done");
    expect((await c.get(`/api/v1/wallet/documents/${document.id}/file`)).statusCode).toBe(200);
    const closed = await t.app.inject({ method: "GET", url: url.pathname });
    expect(closed.body).not.toContain('name="signature"');
  });
});

describe("payment configuration", () => {
  it("takes both Stripe keys or neither; production without Stripe has no gateway (fees refused, never waived)", () => {
    const base = { NODE_ENV: "development" };
    expect(() => loadConfig({ ...base, STRIPE_SECRET_KEY: SECRET_KEY })).toThrow(/set both or neither/);
    expect(loadConfig(base).payments).toEqual({ gateway: "development" });
    expect(
      loadConfig({
        NODE_ENV: "production",
        SCEAU_MASTER_KEY: "a".repeat(43),
        PUBLIC_URL: "https://sceau.example",
        DATABASE_URL: "postgres://x/y",
      }).payments,
    ).toEqual({ gateway: "none" });
    expect(
      loadConfig({ ...base, STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).payments,
    ).toEqual({
      gateway: "stripe",
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: null,
    });
  });
});
