import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/** Routes anyone may call: everything else must answer 401 or 404 to an anonymous caller. */
const PUBLIC = new Set([
  "GET /healthz",
  "GET /api/v1/meta",
  "GET /api/v1/auth/csrf",
  "POST /api/v1/auth/sign-in",
  "POST /api/v1/auth/password-reset",
  "POST /api/v1/auth/password-reset/complete",
  "POST /api/v1/invitations/lookup",
  "POST /api/v1/invitations/accept",
  "POST /api/v1/claims/check",
  "POST /api/v1/claims/complete",
  "POST /api/v1/claims/activate",
  "POST /api/v1/auth/sign-in/totp",
  "POST /api/v1/auth/sign-in/cancel",
  "POST /api/v1/organization-invitations/lookup",
  "POST /api/v1/organization-invitations/accept",
  "GET /api/v1/sign-on/options",
  "GET /api/v1/sign-on/oidc/callback",
  "GET /api/v1/institutions/{slug}/logo",
  "POST /api/v1/verify",
  "GET /api/v1/documents/{id}/verification",
  "GET /pki/issuing-ca.crl",
  "GET /pki/issuing-ca.crt",
  "GET /pki/root-ca.crl",
  "GET /pki/root-ca.crt",
  "GET /pki/ca/{file}",
  "POST /pki/ocsp",
  "GET /pki/ocsp/{*}",
  "GET /pki/roots.pem",
  "POST /pki/tsa",
]);

const UUID = "00000000-0000-4000-8000-000000000000";

describe.each(BACKENDS)("outsiders on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers 401 or 404 to an anonymous caller on every non-public route of the OpenAPI description", async () => {
    const inst = await makeInstitution(t.core);
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const routes: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, unknown>>(spec.paths))
      for (const method of Object.keys(ops)) routes.push(`${method.toUpperCase()} ${path}`);
    expect(routes.length).toBeGreaterThan(20);
    const anonymous = new TestClient(t.app);
    const before = await snapshotDatabase(t.runtime.database);
    const checked: string[] = [];
    const failures: string[] = [];
    for (const route of routes) {
      if (PUBLIC.has(route)) continue;
      const [method, path] = route.split(" ") as [string, string];
      const url = path.replace("{slug}", inst.slug).replace(/\{[a-zA-Z]+\}/g, UUID);
      const res = await anonymous.raw(method as "GET", url, method === "GET" ? {} : { body: {} });
      if (![401, 404].includes(res.statusCode)) failures.push(`${route} answered ${res.statusCode}`);
      checked.push(route);
    }
    expect(failures).toEqual([]);
    expect(checked.length).toBeGreaterThan(15);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("hides another institution from an institution admin: 404 everywhere, nothing changes", async () => {
    const mine = await makeInstitution(t.core);
    const theirs = await makeInstitution(t.core);
    const other = await makeUser(t.core, { institutionId: theirs.id });
    const admin = await makeUser(t.core, { institutionId: mine.id });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, admin.password);
    const otherStaff = (await t.core.stores.memberships.listForInstitution(theirs.id))[0];
    const invitation = await t.core.stores.invitations.create({
      tokenHash: `x-${Date.now()}`,
      email: "someone@example.test",
      role: "issuer",
      institutionId: theirs.id,
      invitedBy: other.user.id,
      locale: "fr",
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const before = await snapshotDatabase(t.runtime.database);
    const attempts = [
      c.get(`/api/v1/institutions/${theirs.slug}`),
      c.patch(`/api/v1/institutions/${theirs.slug}`, { nameFr: "Pris" }),
      c.put(
        `/api/v1/institutions/${theirs.slug}/logo`,
        Buffer.from("89504e470d0a1a0a00", "hex"),
        "image/png",
      ),
      c.delete(`/api/v1/institutions/${theirs.slug}/logo`),
      c.get(`/api/v1/institutions/${theirs.slug}/staff`),
      c.post(`/api/v1/institutions/${theirs.slug}/invitations`, { email: "x@example.test", role: "issuer" }),
      c.post(`/api/v1/institutions/${theirs.slug}/invitations/${invitation.id}/resend`),
      c.delete(`/api/v1/institutions/${theirs.slug}/invitations/${invitation.id}`),
      c.delete(`/api/v1/institutions/${theirs.slug}/staff/${otherStaff?.id}`),
      // Through my own slug with their ids.
      c.post(`/api/v1/institutions/${mine.slug}/invitations/${invitation.id}/resend`),
      c.delete(`/api/v1/institutions/${mine.slug}/invitations/${invitation.id}`),
      c.delete(`/api/v1/institutions/${mine.slug}/staff/${otherStaff?.id}`),
      c.post(`/api/v1/institutions`, {
        slug: "sneaky",
        nameFr: "a",
        nameEn: "b",
        primaryColor: "#000000",
        accentColor: "#000000",
      }),
      c.get("/api/v1/users"),
      c.post(`/api/v1/users/${other.user.id}/disable`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    // A nonexistent institution answers exactly the same.
    const ghost = await c.get("/api/v1/institutions/does-not-exist");
    expect(ghost.statusCode).toBe(404);
    expect(
      (await c.get("/api/v1/institutions")).json().institutions.map((i: { slug: string }) => i.slug),
    ).toEqual([mine.slug]);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("lets an issuer see their institution but not manage its staff", async () => {
    const inst = await makeInstitution(t.core);
    const issuer = await makeUser(t.core, { institutionId: inst.id, role: "issuer" });
    const c = new TestClient(t.app);
    await c.signIn(issuer.email, issuer.password);
    expect((await c.get(`/api/v1/institutions/${inst.slug}`)).statusCode).toBe(200);
    expect((await c.get(`/api/v1/institutions/${inst.slug}/staff`)).statusCode).toBe(404);
    expect((await c.patch(`/api/v1/institutions/${inst.slug}`, { nameFr: "X" })).statusCode).toBe(404);
    expect(
      (
        await c.post(`/api/v1/institutions/${inst.slug}/invitations`, {
          email: "a@example.test",
          role: "issuer",
        })
      ).statusCode,
    ).toBe(404);
  });
});
