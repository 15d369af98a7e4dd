import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTITUTION_PAYMENTS_PAGE_SIZE } from "../../src/core/payments/list-institution-payments.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("an institution's payments list on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An institution with `count` payments (the first paid, the second pending past expiry, the rest pending). */
  const institutionWithPayments = async (count: number) => {
    const inst = await makeInstitution(t.core);
    const type = await makeDocumentType(t.core, inst);
    const learnerUser = await makeUser(t.core);
    const learner = await makeLearner(t.core, inst);
    const { document } = await makeDocument(t.core, inst, { learner, type, title: `Diplôme ${uniq()}` });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = new Date(t.clock.now().getTime() - (count - i) * 60_000);
      // One learner per pending checkout: a learner has one open unlock checkout per document.
      const payer =
        i === 0
          ? learnerUser.user
          : await t.core.stores.users.create({
              email: `payer-${uniq()}@home.test`,
              displayName: `Payer ${i}`,
              locale: "fr",
              passwordHash: null,
              emailVerifiedAt: null,
            });
      const p = await t.core.stores.payments.create(
        {
          userId: payer.id,
          institutionId: inst.id,
          documentId: document.id,
          purpose: "unlock",
          amountCents: 1250,
          currency: "CAD",
          gateway: "development",
          intent: {},
          expiresAt: new Date(created.getTime() + (i === 1 ? 30_000 : 3_600_000)),
        },
        created,
      );
      if (i === 0)
        await t.core.stores.payments.markPaid(p.id, {
          gatewayPaymentId: null,
          receiptNumber: `R-${uniq()}`,
          now: created,
        });
      ids.push(p.id);
    }
    return { inst, ids: ids.reverse(), document };
  };

  it("lists them newest first for administrators and the operator, 50 a page, an expired checkout shown as expired", async () => {
    const { inst, ids, document } = await institutionWithPayments(INSTITUTION_PAYMENTS_PAGE_SIZE + 2);
    const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    const first = await admin.get(`/api/v1/institutions/${inst.slug}/payments`);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.page).toBe(1);
    expect(body.hasMore).toBe(true);
    expect(body.payments.map((p: { id: string }) => p.id)).toEqual(
      ids.slice(0, INSTITUTION_PAYMENTS_PAGE_SIZE),
    );
    expect(body.payments[0]).toMatchObject({
      document: { id: document.id },
      amountCents: 1250,
      currency: "CAD",
    });
    const second = (await admin.get(`/api/v1/institutions/${inst.slug}/payments?page=2`)).json();
    expect(second.hasMore).toBe(false);
    expect(second.payments.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [ids[INSTITUTION_PAYMENTS_PAGE_SIZE], "expired"],
      [ids[INSTITUTION_PAYMENTS_PAGE_SIZE + 1], "paid"],
    ]);
    const operator = await signedInClient(t, { operator: true });
    expect(
      (await operator.get(`/api/v1/institutions/${inst.slug}/payments?page=2`)).json().payments,
    ).toHaveLength(2);
  });

  it("outsiders: an issuer, another institution's admin, a learner, a guessed slug → 404; anonymous → 401; a bad page → 400; nothing written", async () => {
    const { inst } = await institutionWithPayments(1);
    const other = await makeInstitution(t.core);
    const url = `/api/v1/institutions/${inst.slug}/payments`;
    const outsiders = [
      await signedInClient(t, { institutionId: inst.id, role: "issuer" }),
      await signedInClient(t, { institutionId: other.id, role: "institution_admin" }),
      await signedInClient(t),
    ];
    const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    const before = await snapshotDatabase(t.runtime.database);
    for (const c of outsiders) expect((await c.get(url)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/institutions/nope-${uniq()}/payments`)).statusCode).toBe(404);
    for (const bad of ["0", "-1", "abc", "1.5", "10001"])
      expect((await admin.get(`${url}?page=${bad}`)).statusCode).toBe(400);
    expect((await admin.get(`${url}?other=1`)).statusCode).toBe(400);
    expect((await new TestClient(t.app).get(url)).statusCode).toBe(401);
    expect((await snapshotDatabase(t.runtime.database)) === before).toBe(true);
  });
});
