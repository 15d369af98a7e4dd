import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser, signedInClient } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

describe.each(BACKENDS)("institution API keys on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A request with a bearer key and no cookie. */
  const withKey = (
    key: string,
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  const institutionWithKey = async (scopes: string[] = ["read", "issue", "revoke"]) => {
    const inst = await makeInstitution(t.core);
    const admin = await signedInClient(t, { institutionId: inst.id });
    const base = `/api/v1/institutions/${inst.slug}`;
    const res = await admin.post(`${base}/api-keys`, { name: "  SIS   sync ", scopes });
    expect(res.statusCode, res.body).toBe(201);
    return { inst, admin, base, key: res.json().key as string, apiKey: res.json().apiKey };
  };

  it("lets an admin create (shown once), list and revoke keys, audited; only the hash is stored", async () => {
    const { inst, admin, base, key, apiKey } = await institutionWithKey(["revoke", "read", "read"]);
    expect(key).toMatch(/^sceau_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: "SIS sync",
      prefix: key.slice(0, 12),
      scopes: ["read", "revoke"],
      status: "active",
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(apiKey).not.toHaveProperty("keyHash");
    const listed = await admin.get(`${base}/api-keys`);
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(key);
    expect(listed.body).not.toContain(t.core.secrets.hashToken(key));
    expect(listed.json().apiKeys).toEqual([apiKey]);
    const db = await snapshotDatabase(t.runtime.database);
    expect(db).not.toContain(key);
    expect(db).toContain(t.core.secrets.hashToken(key));

    const revoked = await admin.delete(`${base}/api-keys/${apiKey.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().apiKey).toMatchObject({ status: "revoked" });
    expect((await admin.delete(`${base}/api-keys/${apiKey.id}`)).json().apiKey.revokedAt).toBe(
      revoked.json().apiKey.revokedAt,
    );

    const events = await t.core.stores.audit.list({ institutionId: inst.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(["api_key.revoked", "api_key.created"]);
    expect(events[1]).toMatchObject({
      targetId: apiKey.id,
      details: { name: "SIS sync", prefix: apiKey.prefix, scopes: "read,revoke" },
    });
    expect(events.every((e) => e.actorUserId !== null)).toBe(true);

    const bad = await admin.post(`${base}/api-keys`, { name: " ", scopes: [] });
    expect(bad.statusCode).toBe(400);
    expect((await admin.post(`${base}/api-keys`, { name: "x", scopes: ["admin"] })).statusCode).toBe(400);
  });

  it("lets a bearer key read its institution's learners and records its last use", async () => {
    const { admin, base, key, apiKey } = await institutionWithKey(["read"]);
    await admin.post(`${base}/learners`, {
      studentNumber: "2024-0001",
      givenName: "Émilie",
      familyName: "Côté",
    });
    const res = await withKey(key, "GET", `${base}/learners`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().learners.map((l: { studentNumber: string }) => l.studentNumber)).toEqual(["2024-0001"]);
    expect((await withKey(key, "GET", base)).statusCode).toBe(200);
    expect((await withKey(key, "GET", "/api/v1/institutions")).json().institutions).toHaveLength(1);
    const used = (await admin.get(`${base}/api-keys`)).json().apiKeys[0];
    expect(used.id).toBe(apiKey.id);
    expect(used.lastUsedAt).not.toBeNull();
    // Touched at most once a minute.
    await withKey(key, "GET", `${base}/learners`);
    expect((await admin.get(`${base}/api-keys`)).json().apiKeys[0].lastUsedAt).toBe(used.lastUsedAt);
  });

  it("lets an issue-scoped key write learners without CSRF, and refuses under-scoped calls", async () => {
    const { base, key: issueKey } = await institutionWithKey(["issue"]);
    const created = await withKey(issueKey, "POST", `${base}/learners`, {
      studentNumber: "A1",
      givenName: "Ana",
      familyName: "Roy",
    });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await withKey(issueKey, "GET", `${base}/learners`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("api_key_scope");
    expect(refused.json().error.message.fr).toContain("clé d'API");
  });

  it("refuses API keys on routes that are for people: staff, settings, keys, audit, account", async () => {
    const { inst, base, key } = await institutionWithKey();
    // Used once already: last_used_at does not move again within the minute.
    await withKey(key, "GET", "/api/v1/institutions");
    const before = await snapshotDatabase(t.runtime.database);
    const attempts: [Method, string, unknown?][] = [
      ["GET", `${base}/staff`],
      ["GET", `${base}/audit`],
      ["GET", `${base}/api-keys`],
      ["POST", `${base}/api-keys`, { name: "mine", scopes: ["read"] }],
      ["PATCH", base, { nameFr: "Pris" }],
      ["POST", `${base}/document-types`, { code: "X", nameFr: "X", nameEn: "X" }],
      ["POST", `${base}/invitations`, { email: "x@example.test", role: "institution_admin" }],
      ["GET", "/api/v1/auth/me"],
      ["GET", "/api/v1/users"],
    ];
    for (const [method, url, body] of attempts) {
      const res = await withKey(key, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe("api_key_scope");
    }
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
    expect(inst.id).toBeTruthy();
  });

  it("gives another institution's key 404 everywhere, the database unchanged", async () => {
    const mine = await institutionWithKey();
    const theirs = await institutionWithKey();
    const learner = (
      await theirs.admin.post(`${theirs.base}/learners`, {
        studentNumber: "T1",
        givenName: "T",
        familyName: "T",
      })
    ).json().learner;
    await withKey(mine.key, "GET", "/api/v1/institutions");
    const before = await snapshotDatabase(t.runtime.database);
    const attempts: [Method, string, unknown?][] = [
      ["GET", theirs.base],
      ["GET", `${theirs.base}/learners`],
      ["GET", `${theirs.base}/learners/${learner.id}`],
      ["PATCH", `${theirs.base}/learners/${learner.id}`, { givenName: "Changed" }],
      ["POST", `${theirs.base}/learners`, { studentNumber: "M1", givenName: "M", familyName: "M" }],
      ["GET", `${theirs.base}/document-types`],
      ["GET", "/api/v1/institutions/no-such-slug/learners"],
    ];
    for (const [method, url, body] of attempts) {
      const res = await withKey(mine.key, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await withKey(mine.key, "GET", "/api/v1/institutions")).json().institutions).toEqual([
      expect.objectContaining({ slug: mine.inst.slug }),
    ]);
    // Their admin cannot see or revoke my keys either.
    expect((await theirs.admin.delete(`${theirs.base}/api-keys/${mine.apiKey.id}`)).statusCode).toBe(404);
    expect((await theirs.admin.get(`${mine.base}/api-keys`)).statusCode).toBe(404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("answers 401 to a revoked, unknown or garbage key, never 500", async () => {
    const { admin, base, key, apiKey } = await institutionWithKey();
    expect((await withKey(key, "GET", `${base}/learners`)).statusCode).toBe(200);
    await admin.delete(`${base}/api-keys/${apiKey.id}`);
    for (const k of [key, `sceau_${"A".repeat(43)}`, "garbage", "", "sceau_ü", "x".repeat(5000)]) {
      const res = await withKey(k, "GET", `${base}/learners`);
      expect(res.statusCode, k.slice(0, 20)).toBe(401);
      expect(res.json().error.code).toBe("api_key_invalid");
    }
    const post = await withKey(key, "POST", `${base}/learners`, {
      studentNumber: "Z",
      givenName: "Z",
      familyName: "Z",
    });
    expect(post.statusCode).toBe(401);
  });

  it("keeps key management to admins and the operator", async () => {
    const { inst, base, apiKey, key } = await institutionWithKey();
    const issuer = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    expect((await issuer.get(`${base}/api-keys`)).statusCode).toBe(404);
    expect((await issuer.post(`${base}/api-keys`, { name: "x", scopes: ["read"] })).statusCode).toBe(404);
    expect((await issuer.delete(`${base}/api-keys/${apiKey.id}`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`${base}/api-keys`)).statusCode).toBe(401);
    const operator = await signedInClient(t, { operator: true });
    expect((await operator.get(`${base}/api-keys`)).json().apiKeys).toHaveLength(1);
    // A write with a session cookie still needs the CSRF token, bearer header or not.
    const u = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const learner = { studentNumber: "C1", givenName: "C", familyName: "C" };
    const bearerAndCookie = await c.raw("POST", `${base}/learners`, {
      body: learner,
      csrf: false,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(bearerAndCookie.json().error.code).toBe("csrf_invalid");
    const cookieOnly = await c.raw("POST", `${base}/learners`, { body: learner, csrf: false });
    expect(cookieOnly.json().error.code).toBe("csrf_invalid");
    expect((await withKey(key, "POST", `${base}/learners`, learner)).statusCode).toBe(201);
  });
});
