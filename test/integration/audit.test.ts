import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { linkIn, startTestApp, type TestApp, tokenFromLink } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("audit trail on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("records staff and institution changes with who, when, what and from where", async () => {
    const op = await makeUser(t.core, { operator: true });
    const operator = new TestClient(t.app);
    await operator.signIn(op.email, op.password);
    const slug = `audit-${uniq()}`;
    await operator.post("/api/v1/institutions", {
      slug,
      nameFr: "Cégep A",
      nameEn: "College A",
      primaryColor: "#1f3a5f",
      accentColor: "#b8860b",
    });
    const email = `admin-${uniq()}@example.test`;
    const inv = (
      await operator.post(`/api/v1/institutions/${slug}/invitations`, { email, role: "institution_admin" })
    ).json();
    await operator.post(`/api/v1/institutions/${slug}/invitations/${inv.invitation.id}/resend`);
    const mails = (await t.mail.list()).filter((m) => m.to === email);
    const newest = await t.mail.get(mails[0]?.id ?? "");
    if (!newest) throw new Error("no invitation email");
    const admin = new TestClient(t.app);
    await admin.post("/api/v1/invitations/accept", {
      token: tokenFromLink(linkIn(newest, "/invitation#token=")),
      displayName: "Admin",
      password: "a long password",
    });
    await admin.patch(`/api/v1/institutions/${slug}`, { nameFr: "Cégep A (renommé)" });

    const res = await admin.get(`/api/v1/institutions/${slug}/audit`);
    expect(res.statusCode).toBe(200);
    const events = res.json().events as {
      action: string;
      actorLabel: string;
      ip: string | null;
      details: Record<string, unknown>;
    }[];
    expect(events.map((e) => e.action)).toEqual([
      "institution.updated",
      "staff.joined",
      "staff.invitation_resent",
      "staff.invited",
      "institution.created",
    ]);
    expect(events[0]).toMatchObject({ actorLabel: email, details: { fields: "nameFr" } });
    expect(events[3]).toMatchObject({ actorLabel: op.email, details: { email, role: "institution_admin" } });
    expect(events[3]?.ip).toBe("127.0.0.1");

    const filtered = await admin.get(`/api/v1/institutions/${slug}/audit?action=staff.invited`);
    expect(filtered.json().events).toHaveLength(1);
    const bad = await admin.get(`/api/v1/institutions/${slug}/audit?action=nope`);
    expect(bad.statusCode).toBe(400);
  });

  it("hides an institution's trail from other institutions' staff, issuers and anonymous callers", async () => {
    const mine = await makeInstitution(t.core);
    const theirs = await makeInstitution(t.core);
    const admin = await makeUser(t.core, { institutionId: mine.id });
    const issuer = await makeUser(t.core, { institutionId: theirs.id, role: "issuer" });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, admin.password);
    expect((await c.get(`/api/v1/institutions/${theirs.slug}/audit`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/institutions/${theirs.slug}/audit.csv`)).statusCode).toBe(404);
    const i = new TestClient(t.app);
    await i.signIn(issuer.email, issuer.password);
    expect((await i.get(`/api/v1/institutions/${theirs.slug}/audit`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/institutions/${mine.slug}/audit`)).statusCode).toBe(401);
  });

  it("exports CSV with formula-like cells neutralised, and records the export", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await makeUser(t.core, { institutionId: inst.id });
    await t.core.stores.audit.append(
      {
        institutionId: inst.id,
        actorUserId: null,
        actorLabel: "=cmd|' /C calc'!A0",
        action: "document.signed",
        targetType: "document",
        targetId: "@SUM(1+1)",
        ip: null,
      },
      new Date(),
    );
    const c = new TestClient(t.app);
    await c.signIn(admin.email, admin.password);
    const res = await c.get(`/api/v1/institutions/${inst.slug}/audit.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body).toContain("'=cmd|' /C calc'!A0");
    expect(res.body).toContain("'@SUM(1+1)");
    expect(res.body).not.toMatch(/(^|,)=cmd/m);
    const after = (await c.get(`/api/v1/institutions/${inst.slug}/audit`)).json().events;
    expect(after[0]).toMatchObject({ action: "audit.exported", actorLabel: admin.email });
  });

  it("is append-only, and a changed row breaks the chain", async () => {
    const report = await t.core.stores.audit.verifyChain();
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(3);
    const db = t.runtime.database.db;
    await expect(db.execute(sql`update audit_events set actor_label = 'someone else'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    // An attacker with the power to disable the trigger can change a row, but not hide it.
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await db.execute(
      sql`update audit_events set actor_label = 'someone else' where seq = (select min(seq) + 1 from audit_events)`,
    );
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    const broken = await t.core.stores.audit.verifyChain();
    expect(broken.ok).toBe(false);
    expect(broken.brokenAtSeq).toBeGreaterThan(0);
  });
});
