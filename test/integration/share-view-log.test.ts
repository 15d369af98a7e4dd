import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareViewLog } from "../../src/adapters/db/share-view-log.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("batched share views on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (q: string) =>
    ((await t.runtime.database.db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] })
      .rows;

  /** A link share without a view limit, created through the API; its token. */
  const unlimitedShare = async () => {
    const inst = await makeInstitution(t.core);
    const type = await makeDocumentType(t.core, inst);
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner: rec, type });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    const res = await c.post("/api/v1/shares", { channel: "link", documentIds: [document.id] });
    expect(res.statusCode).toBe(201);
    return { c, id: res.json().share.id as string, token: res.json().link.split("/s/")[1] as string };
  };

  it("writes buffered views within the window: one event each and the count, first view kept", async () => {
    const a = await unlimitedShare();
    const b = await unlimitedShare();
    for (const s of [a, a, a, b])
      expect((await t.app.inject(`/api/v1/shares/${s.token}`)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    const counts = await rows(
      `select id, view_count, first_viewed_at from shares where id in ('${a.id}', '${b.id}') order by view_count`,
    );
    expect(counts.map((r) => Number(r.view_count))).toEqual([1, 3]);
    expect(counts.every((r) => r.first_viewed_at !== null)).toBe(true);
    const events = await rows(
      `select share_id, count(*) as n from share_events where kind = 'view' and share_id in ('${a.id}', '${b.id}') group by share_id order by n`,
    );
    expect(events.map((r) => Number(r.n))).toEqual([1, 3]);
  });

  it("the history written before it is read shows every view at once", async () => {
    const a = await unlimitedShare();
    await t.app.inject(`/api/v1/shares/${a.token}`);
    await t.app.inject(`/api/v1/shares/${a.token}`);
    const { shares } = (await a.c.get("/api/v1/shares")).json();
    const mine = shares.find((s: { id: string }) => s.id === a.id);
    expect(mine.viewCount).toBe(2);
    expect(mine.events.map((e: { kind: string }) => e.kind)).toEqual(["view", "view"]);
  });

  it("a failed write keeps the views for the next attempt and reports it", async () => {
    const a = await unlimitedShare();
    const errors: unknown[] = [];
    let fail = true;
    const db = t.runtime.database.db;
    const flaky = new Proxy(db, {
      get: (target, key, receiver) =>
        key === "transaction" && fail
          ? () => {
              fail = false;
              return Promise.reject(new Error("database away"));
            }
          : Reflect.get(target, key, receiver),
    });
    const log = shareViewLog(flaky, { flushMs: 10_000, onError: (err) => errors.push(err) });
    const view = { shareId: a.id, kind: "view" as const, documentId: null, organizationId: null };
    log.record({ ...view, createdAt: new Date(), ip: "192.0.2.1", userAgent: "test" });
    await log.flush();
    expect(errors).toHaveLength(1);
    await log.flush();
    const [row] = await rows(`select view_count from shares where id = '${a.id}'`);
    expect(Number(row?.view_count)).toBe(1);
  });

  it("keeps every field as it came: quotes, commas, braces, backslashes, accents, nulls, times", async () => {
    const a = await unlimitedShare();
    const log = shareViewLog(t.runtime.database.db, {
      flushMs: 10_000,
      onError: (err) => {
        throw err;
      },
    });
    const agents = ['Mozilla/5.0 "quoted", {braced} \\ back\\slash', "Navigateur é à ü 🙂", null, "NULL", ""];
    const at = new Date("2026-11-02T03:04:05.678Z");
    for (const [i, userAgent] of agents.entries())
      log.record({
        shareId: a.id,
        kind: "view",
        documentId: null,
        organizationId: null,
        createdAt: new Date(at.getTime() + i),
        ip: i % 2 ? null : "2001:db8::1",
        userAgent,
      });
    await log.flush();
    const stored = await rows(
      `select ip, user_agent, created_at, document_id from share_events where share_id = '${a.id}' order by created_at`,
    );
    expect(stored.map((r) => r.user_agent)).toEqual(agents);
    expect(stored.map((r) => r.ip)).toEqual(["2001:db8::1", null, "2001:db8::1", null, "2001:db8::1"]);
    expect(stored.map((r) => new Date(r.created_at as string).getTime())).toEqual(
      agents.map((_, i) => at.getTime() + i),
    );
    expect(stored.every((r) => r.document_id === null)).toBe(true);
    const [share] = await rows(`select view_count, first_viewed_at from shares where id = '${a.id}'`);
    expect(Number(share?.view_count)).toBe(5);
    expect(new Date(share?.first_viewed_at as string).getTime()).toBe(at.getTime());
  });
});
