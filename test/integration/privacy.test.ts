import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { AccountExportData } from "../../src/core/privacy/privacy.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Exported = Omit<AccountExportData, "documents"> & {
  exportedAt: string;
  documents: (AccountExportData["documents"][number] & { file: string })[];
};

describe.each(BACKENDS)("privacy: data export and account closure on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let other: Institution;
  let type: DocumentType;
  let otherType: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    other = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
    otherType = await makeDocumentType(t.core, other);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A learner account with a record in each of two institutions, a document from each, signed in. */
  const learnerAccount = async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const a = await makeLearner(t.core, inst, { givenName: "Léa", familyName: `Tremblay ${uniq()}` });
    const b = await makeLearner(t.core, other, { givenName: "Léa", familyName: `Gagnon ${uniq()}` });
    await t.core.stores.learners.linkUser(a.id, u.user.id);
    await t.core.stores.learners.linkUser(b.id, u.user.id);
    const docA = await makeDocument(t.core, inst, { learner: a, type, title: `Diplôme ${uniq()}` });
    const docB = await makeDocument(t.core, other, {
      learner: b,
      type: otherType,
      title: `Relevé ${uniq()}`,
    });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { ...u, client: c, learners: [a, b], docs: [docA, docB] };
  };

  const download = async (c: TestClient) => {
    const res = await c.get("/api/v1/auth/me/export");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="sceau-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const json = JSON.parse(new TextDecoder().decode(files["sceau-data.json"])) as Exported;
    return { files, json, raw: res.rawPayload.toString("latin1") };
  };

  it("exports the user's data and signed PDFs, nothing of another user's, and audits it", async () => {
    const me = await learnerAccount();
    const someoneElse = await learnerAccount();
    const { files, json, raw } = await download(me.client);

    expect(json.user).toMatchObject({ id: me.user.id, email: me.email, status: "active" });
    expect(json.learnerRecords.map((l) => l.id).sort()).toEqual(me.learners.map((l) => l.id).sort());
    expect(json.learnerRecords.map((l) => l.institution.slug).sort()).toEqual([inst.slug, other.slug].sort());
    expect(json.sessions.length).toBeGreaterThanOrEqual(1);
    expect(json.documents).toHaveLength(2);
    for (const { document, bytes } of me.docs) {
      const entry = json.documents.find((d) => d.id === document.id);
      expect(entry).toMatchObject({ title: document.title, sha256: document.sha256, status: "active" });
      expect(Buffer.from(files[entry?.file as string] as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(Object.keys(files).filter((n) => n.endsWith(".pdf"))).toHaveLength(2);
    // Never a secret, never the other user.
    expect(raw).not.toContain("argon2");
    expect(raw).not.toContain(me.password);
    for (const secret of [someoneElse.email, someoneElse.user.id, ...someoneElse.learners.map((l) => l.id)])
      expect(raw).not.toContain(secret);
    for (const { document } of someoneElse.docs) expect(raw).not.toContain(document.id);

    const events = await t.core.stores.audit.list({
      institutionId: null,
      action: "account.exported",
      limit: 50,
    });
    expect(events.find((e) => e.targetId === me.user.id)?.details).toMatchObject({ documents: 2 });
    // The next export lists that event, done by the user.
    const again = await download(me.client);
    expect(again.json.auditEvents.some((e) => e.action === "account.exported" && e.byYou)).toBe(true);
  });

  it("closes the account: sessions end, sign-in fails as a wrong password, records unlinked, documents stay", async () => {
    const me = await learnerAccount();
    const second = new TestClient(t.app);
    expect((await second.signIn(me.email, me.password)).statusCode).toBe(200);
    await t.core.stores.twoFactor.savePending(me.user.id, new Uint8Array([1, 2, 3]));
    // A share by link (the sharing use cases come later; the row is enough to see it revoked).
    await t.runtime.database.db.execute(
      sql`insert into shares (user_id, channel, token_hash, expires_at) values (${me.user.id}, 'link', ${`h-${uniq()}`}, now() + interval '30 days')`,
    );

    expect((await me.client.post("/api/v1/auth/me/close", {})).statusCode).toBe(403);
    expect((await me.client.post("/api/v1/auth/me/close", { password: "not mine at all" })).statusCode).toBe(
      403,
    );
    expect((await me.client.get("/api/v1/auth/me")).statusCode).toBe(200);
    const closed = await me.client.post("/api/v1/auth/me/close", { password: me.password });
    expect(closed.statusCode).toBe(204);

    // Every session is dead, this one and the other browser's.
    expect((await me.client.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await second.get("/api/v1/auth/me")).statusCode).toBe(401);
    // Signing in answers as for a wrong password.
    const retry = await new TestClient(t.app).signIn(me.email, me.password);
    const wrong = await new TestClient(t.app).signIn(`nobody-${uniq()}@home.test`, "some password");
    expect(retry.statusCode).toBe(401);
    const { requestId: _a, ...retryError } = retry.json().error;
    const { requestId: _b, ...wrongError } = wrong.json().error;
    expect(retryError).toEqual(wrongError);

    const user = await t.core.stores.users.findById(me.user.id);
    expect(user).toMatchObject({ status: "closed", passwordHash: null, displayName: "" });
    expect(user?.email).not.toContain(me.email.split("@")[0]);
    expect(await t.core.stores.twoFactor.find(me.user.id)).toBeNull();
    const linked = await t.runtime.database.db.execute(
      sql`select count(*)::int as n from learners where user_id = ${me.user.id}`,
    );
    expect((linked as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    const live = await t.runtime.database.db.execute(
      sql`select count(*)::int as n from shares where user_id = ${me.user.id} and revoked_at is null`,
    );
    expect((live as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    // The documents are still in each institution's registry.
    for (const { document } of me.docs)
      expect(
        await t.core.stores.documents.findInInstitution(document.institutionId, document.id),
      ).toMatchObject({
        status: "active",
      });
    const events = await t.core.stores.audit.list({
      institutionId: null,
      action: "account.closed",
      limit: 50,
    });
    expect(events.some((e) => e.targetId === me.user.id)).toBe(true);
    const mail = await t.waitForMail(me.email, "fermé");
    expect(mail.text).toContain("registre");
    // The address is free for a new account.
    expect(await t.core.stores.users.findByEmail(me.email)).toBeNull();
  });

  it("refuses staff (their institution removes the role first)", async () => {
    const staff = await makeUser(t.core, { institutionId: inst.id, role: "issuer" });
    const c = new TestClient(t.app);
    await c.signIn(staff.email, staff.password);
    const res = await c.post("/api/v1/auth/me/close", { password: staff.password });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("account_has_roles");
  });

  it("outsiders: anonymous callers get 401, another user acts only on their own account, bad input is refused", async () => {
    const me = await learnerAccount();
    const before = await snapshotDatabase(t.runtime.database);
    const anon = new TestClient(t.app);
    expect((await anon.get("/api/v1/auth/me/export")).statusCode).toBe(401);
    expect((await anon.post("/api/v1/auth/me/close", { password: me.password })).statusCode).toBe(401);
    expect((await me.client.post("/api/v1/auth/me/close", { password: 42 })).statusCode).toBe(400);
    expect(
      (await me.client.post("/api/v1/auth/me/close", { password: me.password, userId: me.user.id }))
        .statusCode,
    ).toBe(400);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    // Another user closing their own account with my password: refused, and mine untouched.
    const intruder = await learnerAccount();
    expect((await intruder.client.post("/api/v1/auth/me/close", { password: me.password })).statusCode).toBe(
      403,
    );
    const theirs = await download(intruder.client);
    expect(theirs.json.user.id).toBe(intruder.user.id);
    expect(theirs.raw).not.toContain(me.user.id);
    expect((await me.client.get("/api/v1/auth/me")).statusCode).toBe(200);
  });
});
