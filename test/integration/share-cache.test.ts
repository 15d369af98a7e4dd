import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/** A learner's link share of one document, made through the API. */
async function linkShare(t: TestApp) {
  const inst = await makeInstitution(t.core);
  const type = await makeDocumentType(t.core, inst);
  const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
  const learner = await makeLearner(t.core, inst, { givenName: "Léa", familyName: "Tremblay" });
  await t.core.stores.learners.linkUser(learner.id, u.user.id);
  const { document } = await makeDocument(t.core, inst, { learner, type });
  const c = new TestClient(t.app);
  expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
  const res = await c.post("/api/v1/shares", { channel: "link", documentIds: [document.id] });
  expect(res.statusCode).toBe(201);
  return {
    client: c,
    shareId: res.json().share.id as string,
    token: res.json().link.split("/s/")[1] as string,
    documentId: document.id,
    learnerId: learner.id,
  };
}

const open = async (t: TestApp, token: string) =>
  (await t.app.inject(`/api/v1/shares/${token}`)).json().share;

/** Polls the page until `done` holds (another process's change arrives by notification); the time it took. */
async function until(t: TestApp, token: string, done: (share: Record<string, unknown>) => boolean) {
  const started = Date.now();
  while (Date.now() - started < 3000) {
    if (done(await open(t, token))) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the change never reached the share page");
}

/** A write the triggers do not see (replica role): what the cache keeps, the page goes on showing. */
const renameUnheard = (t: TestApp, learnerId: string, name: string) =>
  t.runtime.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update learners set given_name = ${name} where id = ${learnerId}`);
  });

describe.each(BACKENDS)("the share page's cache on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves a share from memory while the database's notifications are heard", async () => {
    const s = await linkShare(t);
    expect((await open(t, s.token)).learnerName).toBe("Léa Tremblay");
    await renameUnheard(t, s.learnerId, "Zoé");
    expect((await open(t, s.token)).learnerName).toBe("Léa Tremblay");
    t.core.shareCache.forget(s.shareId);
    expect((await open(t, s.token)).learnerName).toBe("Zoé Tremblay");
  });

  it("a revocation written by another process (a plain UPDATE) closes the link within milliseconds", async () => {
    const s = await linkShare(t);
    expect((await open(t, s.token)).state).toBe("open");
    await t.runtime.database.db.execute(sql`update shares set revoked_at = now() where id = ${s.shareId}`);
    const ms = await until(t, s.token, (share) => share.state === "unavailable");
    expect((await open(t, s.token)).reason).toBe("revoked");
    expect(ms).toBeLessThan(1000);
  });

  it("a document revoked, a learner renamed or an expiry moved elsewhere shows at once", async () => {
    const s = await linkShare(t);
    expect((await open(t, s.token)).documents[0].status).toBe("active");
    await t.runtime.database.db.execute(
      sql`update documents set status = 'revoked', revoked_at = now(), revocation_reason = 'erreur' where id = ${s.documentId}`,
    );
    await until(t, s.token, (share) => (share.documents as { status: string }[])[0]?.status === "revoked");
    await t.runtime.database.db.execute(
      sql`update learners set given_name = 'Maude' where id = ${s.learnerId}`,
    );
    await until(t, s.token, (share) => share.learnerName === "Maude Tremblay");
    await t.runtime.database.db.execute(
      sql`update shares set expires_at = now() - interval '1 minute' where id = ${s.shareId}`,
    );
    await until(t, s.token, (share) => share.reason === "expired");
  });

  it("views (counted on every request) do not empty the cache", async () => {
    const s = await linkShare(t);
    await open(t, s.token);
    await renameUnheard(t, s.learnerId, "Inès");
    for (let i = 0; i < 5; i++) await open(t, s.token);
    await t.core.shareViews.flush();
    expect((await open(t, s.token)).learnerName).toBe("Léa Tremblay");
  });

  it("the learner's own revocation answers at once in this process", async () => {
    const s = await linkShare(t);
    expect((await open(t, s.token)).state).toBe("open");
    // Through the use cases: no polling, the very next request sees the change.
    expect((await s.client.post(`/api/v1/shares/${s.shareId}/revoke`, {})).statusCode).toBe(200);
    expect((await open(t, s.token)).reason).toBe("revoked");
  });
});

describe("the share page's cache when PostgreSQL's notifications are lost", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("postgres");
  });
  afterAll(async () => {
    await t?.close();
  });

  const listeners = async () =>
    (
      (await t.runtime.database.db.execute(
        sql`select pid from pg_stat_activity where datname = current_database() and query = 'LISTEN sceau_share_changes'`,
      )) as unknown as { rows: { pid: number }[] }
    ).rows;

  it("turns itself off while the listening connection is down, and on again once it is back", async () => {
    const s = await linkShare(t);
    expect(await listeners()).toHaveLength(1);
    await open(t, s.token);
    await t.runtime.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'LISTEN sceau_share_changes'`,
    );
    // Unheard changes are served fresh from now on, whether the connection is back yet or not.
    await new Promise((r) => setTimeout(r, 100));
    await renameUnheard(t, s.learnerId, "Rose");
    expect((await open(t, s.token)).learnerName).toBe("Rose Tremblay");
    const started = Date.now();
    while ((await listeners()).length === 0 && Date.now() - started < 10_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(await listeners()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    // Back: kept in memory again (an unheard change stays unseen until forgotten).
    await open(t, s.token);
    await renameUnheard(t, s.learnerId, "Lou");
    expect((await open(t, s.token)).learnerName).toBe("Rose Tremblay");
  });
});
