import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "../../src/core/jobs/queues.ts";
import { MAINTENANCE_EVERY_MS } from "../../src/core/jobs/run-maintenance.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(BACKENDS)("the job worker's periodic maintenance on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (query: ReturnType<typeof sql>) =>
    ((await t.runtime.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("the maintenance did not run");
  };

  it("expires abandoned checkouts (never unlocking), drops expired sign-on transactions and stale idempotency records, and queues its next run once", async () => {
    const inst = await makeInstitution(t.core);
    const type = await makeDocumentType(t.core, inst);
    const u = await makeUser(t.core);
    const learner = await makeLearner(t.core, inst);
    // One document per payment: a learner has one open unlock checkout per document.
    const docs = await Promise.all(
      [1, 2, 3].map(() => makeDocument(t.core, inst, { learner, type, title: `Diplôme ${uniq()}` })),
    );
    const now = t.clock.now();
    let n = 0;
    const pay = (expiresInMin: number) =>
      t.core.stores.payments.create(
        {
          userId: u.user.id,
          institutionId: inst.id,
          documentId: docs[n++]?.document.id as string,
          purpose: "unlock",
          amountCents: 1250,
          currency: "CAD",
          gateway: "development",
          intent: {},
          expiresAt: new Date(now.getTime() + expiresInMin * MINUTE),
        },
        now,
      );
    const abandoned = await pay(30);
    const open = await pay(120);
    const paid = await pay(30);
    expect(
      await t.core.stores.payments.markPaid(paid.id, {
        gatewayPaymentId: null,
        receiptNumber: `R-${uniq()}`,
        now,
      }),
    ).not.toBeNull();
    const provider = await t.core.stores.identityProviders.create(
      {
        institutionId: inst.id,
        key: `idp-${uniq()}`,
        nameFr: "Fournisseur",
        nameEn: "Provider",
        enabled: true,
        protocol: "oidc",
        settings: {
          issuer: "https://idp.example.test",
          clientId: "sceau",
          scopes: "openid email",
          studentNumberClaim: null,
          emailClaim: "email",
        },
        sealedSecret: null,
      },
      now,
    );
    if (!provider) throw new Error("no provider");
    const sso = (expiresInMin: number) =>
      t.core.stores.ssoTransactions.create(
        {
          providerId: provider.id,
          stateHash: t.core.secrets.hashToken(t.core.secrets.randomToken()),
          nonce: null,
          codeVerifier: null,
          purpose: "sign_in",
          userId: null,
          returnTo: null,
          expiresAt: new Date(now.getTime() + expiresInMin * MINUTE),
        },
        now,
      );
    const stale = await sso(10);
    const live = await sso(120);
    const owner = `user:${u.user.id}`;
    const oldKey = `old-${uniq()}`;
    const freshKey = `fresh-${uniq()}`;
    expect(
      await t.core.stores.idempotency.reserve(owner, oldKey, "h", new Date(now.getTime() - 25 * 60 * MINUTE)),
    ).toBe(true);
    expect(await t.core.stores.idempotency.reserve(owner, freshKey, "h", now)).toBe(true);

    const unlocksBefore = await rows(sql`select * from document_unlocks order by 1`);
    t.clock.advance(31 * MINUTE + MAINTENANCE_EVERY_MS);
    try {
      await until(async () => (await t.core.stores.payments.findById(abandoned.id))?.status === "expired");
      await until(
        async () => (await t.core.stores.ssoTransactions.findByStateHash(stale.stateHash)) === null,
      );
      expect((await t.core.stores.payments.findById(open.id))?.status).toBe("pending");
      expect((await t.core.stores.payments.findById(paid.id))?.status).toBe("paid");
      expect(await rows(sql`select * from document_unlocks order by 1`)).toEqual(unlocksBefore);
      expect(await t.core.stores.ssoTransactions.findByStateHash(live.stateHash)).not.toBeNull();
      expect(await t.core.stores.idempotency.find(owner, oldKey)).toBeNull();
      expect(await t.core.stores.idempotency.find(owner, freshKey)).not.toBeNull();
      // One run at a time: exactly one next run is queued, in the next slot.
      await until(async () => (await t.core.stores.jobs.counts(QUEUES.maintenance)).active === 0);
      const queued = await rows(
        sql`select singleton_key, run_at from jobs where queue = ${QUEUES.maintenance} and state = 'queued'`,
      );
      expect(queued).toHaveLength(1);
      expect(new Date(queued[0]?.run_at as string).getTime()).toBeGreaterThan(t.clock.now().getTime());
    } finally {
      t.clock.advance(-(31 * MINUTE + MAINTENANCE_EVERY_MS));
    }
  });

  it("deletes jobs done over 7 days ago and failed over 30 days ago (the dashboard keeps offering younger failed emails), and forgets closed SAML assertions", async () => {
    const inst = await makeInstitution(t.core);
    const now = t.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const job = async (state: "done" | "failed", finishedDaysAgo: number, queue = QUEUES.mail) => {
      const [row] = await rows(sql`
        insert into jobs (queue, payload, state, attempts, created_at, finished_at, last_error)
        values (${queue}, ${JSON.stringify({ institutionId: inst.id, message: { to: `x-${uniq()}@home.test` } })}::jsonb,
          ${state}, 5, ${ago(finishedDaysAgo + 1)}::timestamptz, ${ago(finishedDaysAgo)}::timestamptz,
          ${state === "failed" ? "550 mailbox unavailable" : null})
        returning id`);
      return row?.id as string;
    };
    const doneOld = await job("done", 8);
    const doneRecent = await job("done", 6);
    const failedOld = await job("failed", 31);
    const failedRecent = await job("failed", 29);
    const queuedOld = (
      await rows(sql`
        insert into jobs (queue, payload, state, created_at, run_at)
        values ('never-claimed', '{}'::jsonb, 'queued', ${ago(40)}::timestamptz, ${ago(40)}::timestamptz)
        returning id`)
    )[0]?.id as string;
    const failedBefore = await t.core.stores.dashboard.failedEmails(inst.id, 10);
    expect(failedBefore.latest.map((e) => e.id).sort()).toEqual([failedOld, failedRecent].sort());

    const closed = `closed-${uniq()}`;
    const open = `open-${uniq()}`;
    expect(await t.core.stores.samlReplay.remember(closed, new Date(now.getTime() + 2 * MINUTE), now)).toBe(
      true,
    );
    expect(await t.core.stores.samlReplay.remember(open, new Date(now.getTime() + 60 * MINUTE), now)).toBe(
      true,
    );
    const seen = async (h: string) =>
      (await rows(sql`select 1 from saml_assertions_seen where id_hash = ${h}`)).length === 1;

    const exists = async (id: string) => (await rows(sql`select 1 from jobs where id = ${id}`)).length === 1;
    // Past the next run queued by any earlier test (which moved the clock 36 minutes ahead).
    t.clock.advance(45 * MINUTE);
    try {
      await until(async () => !(await exists(doneOld)));
      await until(async () => !(await seen(closed)));
      expect(await exists(failedOld)).toBe(false);
      expect(await exists(doneRecent)).toBe(true);
      expect(await exists(failedRecent)).toBe(true);
      expect(await exists(queuedOld)).toBe(true);
      expect(await seen(open)).toBe(true);
      const failedAfter = await t.core.stores.dashboard.failedEmails(inst.id, 10);
      expect(failedAfter.latest.map((e) => e.id)).toEqual([failedRecent]);
    } finally {
      t.clock.advance(-45 * MINUTE);
      await rows(sql`delete from jobs where id = ${queuedOld}`);
    }
  });
});
