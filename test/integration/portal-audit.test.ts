import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser, signedInClient } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("the portal's whole audit trail on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows the operator every institution's events and the portal's own, filtered and paged", async () => {
    const a = await makeInstitution(t.core);
    const b = await makeInstitution(t.core);
    const append = (institutionId: string | null, action: "document.signed" | "user.disabled") =>
      t.core.stores.audit.append(
        {
          institutionId,
          actorUserId: null,
          actorLabel: "cli",
          action,
          targetType: "x",
          targetId: null,
          ip: null,
        },
        t.clock.now(),
      );
    await append(a.id, "document.signed");
    await append(b.id, "document.signed");
    await append(null, "user.disabled");

    const operator = await signedInClient(t, { operator: true });
    const res = await operator.get("/api/v1/audit?action=document.signed");
    expect(res.statusCode).toBe(200);
    const owners = (res.json().events as { institutionId: string | null }[]).map((e) => e.institutionId);
    expect(owners.slice(0, 2)).toEqual([b.id, a.id]);
    const portal = (await operator.get("/api/v1/audit?action=user.disabled")).json().events;
    expect(portal[0]).toMatchObject({ institutionId: null, action: "user.disabled" });

    const first = (await operator.get("/api/v1/audit")).json();
    const older = (await operator.get(`/api/v1/audit?before=${first.events[1].seq}`)).json();
    expect(older.events[0].seq).toBeLessThan(first.events[1].seq);

    const csv = await operator.get("/api/v1/audit.csv?action=document.signed");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body.match(/document\.signed/g)?.length).toBeGreaterThanOrEqual(2);
    const after = (await operator.get("/api/v1/audit")).json().events;
    expect(after[0]).toMatchObject({ action: "audit.exported", institutionId: null });
  });

  it("answers 404 to institution administrators and 401 to anonymous callers", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, admin.password);
    expect((await c.get("/api/v1/audit")).statusCode).toBe(404);
    expect((await c.get("/api/v1/audit.csv")).statusCode).toBe(404);
    expect((await new TestClient(t.app).get("/api/v1/audit")).statusCode).toBe(401);
  });
});
