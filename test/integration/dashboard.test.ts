import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser, signedInClient } from "../support/factories.ts";
import { issuanceRows } from "../support/issuance-rows.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const DAY = 24 * 60 * 60 * 1000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

describe.each(BACKENDS)("institution dashboard on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("counts each figure from the institution's rows only, with a zero-filled daily series", async () => {
    const inst = await makeInstitution(t.core);
    const other = await makeInstitution(t.core);
    const db = t.runtime.database.db;
    const rows = issuanceRows(db, inst.id);
    const elsewhere = issuanceRows(db, other.id);
    // Noon today (UTC), so that "n days ago" never crosses a day boundary while the test runs.
    const now = t.clock.now();
    const noon = new Date(`${utcDay(now)}T12:00:00.000Z`);
    const ago = (days: number) => new Date(noon.getTime() - days * DAY);

    const claimant = await makeUser(t.core);
    const claimed = await rows.learner({ userId: claimant.user.id });
    const unclaimed = await rows.learner();
    await rows.document({ createdAt: ago(0), learnerId: claimed });
    await rows.document({ createdAt: ago(0), learnerId: claimed, status: "revoked" });
    await rows.document({ createdAt: ago(1), learnerId: unclaimed, status: "superseded" });
    await rows.document({ createdAt: ago(5), learnerId: unclaimed });
    await rows.document({ createdAt: ago(5), learnerId: null });
    await rows.document({ createdAt: ago(29), learnerId: claimed });
    await rows.document({ createdAt: ago(30), learnerId: unclaimed }); // counted, but before the series
    const otherLearner = await elsewhere.learner({ userId: claimant.user.id });
    await elsewhere.document({ createdAt: ago(0), learnerId: otherLearner });

    await rows.invitation(claimed, "claimed");
    await rows.invitation(unclaimed, "queued");
    await rows.invitation(await rows.learner(), "queued");
    await rows.invitation(await rows.learner(), "failed");
    await rows.invitation(await rows.learner(), "sent");
    await elsewhere.invitation(await elsewhere.learner(), "failed");

    const type = await rows.documentType();
    const batchIds: string[] = [];
    for (let i = 6; i >= 1; i--) batchIds.push(await rows.batch({ createdAt: ago(i) }));
    const newest = await rows.batch({
      createdAt: ago(0),
      status: "running",
      total: 5,
      items: {
        learnerId: claimed,
        documentTypeId: type,
        statuses: ["issued", "issued", "failed", "pending", "skipped"],
      },
    });
    await elsewhere.batch({ createdAt: new Date(noon.getTime() + 1000) });

    await rows.mailJob({
      to: "a@example.test",
      state: "failed",
      error: "550 no such user",
      finishedAt: ago(2),
    });
    await rows.mailJob({ to: "b@example.test", state: "failed", error: "timeout", finishedAt: ago(0) });
    await rows.mailJob({ to: "c@example.test", state: "done" });
    await rows.mailJob({ to: "d@example.test", state: "failed", queue: "issue" });
    await elsewhere.mailJob({ to: "e@example.test", state: "failed" });

    const staff = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    const res = await staff.get(`/api/v1/institutions/${inst.slug}/dashboard`);
    expect(res.statusCode).toBe(200);
    const body = res.json();

    expect(body.documents).toEqual({ issued: 7, active: 5, revoked: 1, superseded: 1, claimed: 3 });
    expect(body.invitations).toEqual({ pending: 2, sent: 1, failed: 1, claimed: 1 });
    expect(body.failedEmails.total).toBe(2);
    expect(body.failedEmails.latest).toEqual([
      { id: expect.any(String), to: "b@example.test", error: "timeout", failedAt: ago(0).toISOString() },
      {
        id: expect.any(String),
        to: "a@example.test",
        error: "550 no such user",
        failedAt: ago(2).toISOString(),
      },
    ]);

    expect(body.recentBatches).toHaveLength(5);
    expect(body.recentBatches.map((b: { id: string }) => b.id)).toEqual([
      newest,
      ...batchIds.slice(-4).reverse(),
    ]);
    expect(body.recentBatches[0]).toMatchObject({
      status: "running",
      total: 5,
      counts: { pending: 1, issued: 2, skipped: 1, failed: 1 },
      createdAt: ago(0).toISOString(),
      finishedAt: null,
    });
    expect(body.recentBatches[1].counts).toEqual({ pending: 0, issued: 0, skipped: 0, failed: 0 });

    const series = body.issuedPerDay as { date: string; count: number }[];
    expect(series).toHaveLength(30);
    expect(series[0]?.date).toBe(utcDay(ago(29)));
    expect(series.at(-1)?.date).toBe(utcDay(now));
    const byDay = Object.fromEntries(series.map((d) => [d.date, d.count]));
    expect(byDay[utcDay(ago(0))]).toBe(2);
    expect(byDay[utcDay(ago(1))]).toBe(1);
    expect(byDay[utcDay(ago(5))]).toBe(2);
    expect(byDay[utcDay(ago(29))]).toBe(1);
    expect(series.filter((d) => d.count === 0)).toHaveLength(26);
    expect(series.reduce((n, d) => n + d.count, 0)).toBe(6);
  });

  it("gives an empty institution zeros, an empty list and 30 zero days", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await signedInClient(t, { institutionId: inst.id });
    const body = (await admin.get(`/api/v1/institutions/${inst.slug}/dashboard`)).json();
    expect(body.documents).toEqual({ issued: 0, active: 0, revoked: 0, superseded: 0, claimed: 0 });
    expect(body.invitations).toEqual({ pending: 0, sent: 0, failed: 0, claimed: 0 });
    expect(body.failedEmails).toEqual({ total: 0, latest: [] });
    expect(body.recentBatches).toEqual([]);
    expect(body.issuedPerDay).toHaveLength(30);
    expect(body.issuedPerDay.every((d: { count: number }) => d.count === 0)).toBe(true);
  });

  it("lets the operator in, and answers 401 to anonymous callers and 404 to other institutions, changing nothing", async () => {
    const inst = await makeInstitution(t.core);
    const other = await makeInstitution(t.core);
    await issuanceRows(t.runtime.database.db, inst.id).document({ createdAt: t.clock.now() });
    const url = `/api/v1/institutions/${inst.slug}/dashboard`;
    const stranger = await signedInClient(t, { institutionId: other.id });
    const nobody = await signedInClient(t);
    const before = await snapshotDatabase(t.runtime.database);

    expect((await new TestClient(t.app).get(url)).statusCode).toBe(401);
    const refused = await stranger.get(url);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("not_found");
    expect((await stranger.get("/api/v1/institutions/no-such-place/dashboard")).statusCode).toBe(404);
    expect((await nobody.get(url)).statusCode).toBe(404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    const operator = await signedInClient(t, { operator: true });
    const seen = await operator.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().documents.issued).toBe(1);
  });

  it("is described in the OpenAPI document", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const op = spec.paths["/api/v1/institutions/{slug}/dashboard"]?.get;
    expect(op?.tags).toEqual(["dashboard"]);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "404"]));
  });
});
