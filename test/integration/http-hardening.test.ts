import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("HTTP hardening on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers /healthz and serves an OpenAPI 3 description of every /api/v1 route", async () => {
    const health = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/sign-in",
        "/api/v1/institutions",
        "/api/v1/institutions/{slug}/invitations",
      ]),
    );
    expect(
      spec.paths["/api/v1/auth/sign-in"].post.requestBody.content["application/json"].schema.required,
    ).toEqual(["email", "password"]);
  });

  it("sends security headers and a request id", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/meta" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds HSTS and Secure cookies when PUBLIC_URL is https", async () => {
    const s = await startTestApp(backend, { env: { PUBLIC_URL: "https://sceau.example.ca" } });
    try {
      const { email, password } = await makeUser(s.core);
      const res = await new TestClient(s.app).signIn(email, password);
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(res.cookies.find((c) => c.name === "sceau_session")?.secure).toBe(true);
    } finally {
      await s.close();
    }
  });

  it("refuses cookie-authenticated writes without a valid CSRF token", async () => {
    const inst = await makeInstitution(t.core);
    const { email, password } = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    await c.signIn(email, password);
    const noToken = await c.raw("PATCH", `/api/v1/institutions/${inst.slug}`, {
      body: { nameFr: "Volé" },
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe("csrf_invalid");
    const forged = await c.raw("PATCH", `/api/v1/institutions/${inst.slug}`, {
      body: { nameFr: "Volé" },
      csrf: false,
      headers: { "x-csrf-token": "forged-token-value" },
    });
    expect(forged.statusCode).toBe(403);
    expect((await t.core.stores.institutions.findBySlug(inst.slug))?.nameFr).toBe(inst.nameFr);
  });

  it("rate-limits authentication routes per client", async () => {
    const s = await startTestApp(backend, { env: { AUTH_RATE_LIMIT: "3" } });
    try {
      const c = new TestClient(s.app);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await c.post("/api/v1/auth/password-reset", { email: "a@example.test" })).statusCode);
      expect(codes).toEqual([202, 202, 202, 429]);
      const last = await c.post("/api/v1/auth/password-reset", { email: "a@example.test" });
      expect(last.json().error.code).toBe("rate_limited");
      expect(last.json().error.message.fr).toMatch(/Trop de requêtes/);
    } finally {
      await s.close();
    }
  });

  it("answers unknown API paths with a bilingual 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: "not_found",
      message: { fr: expect.any(String), en: expect.any(String) },
    });
  });

  it("pays for one argon2 verification whether or not the email exists (no enumeration by timing)", async () => {
    const { email } = await makeUser(t.core);
    const real = t.core.passwords.verify;
    let calls = 0;
    t.core.passwords.verify = (hash, password) => {
      calls++;
      return real(hash, password);
    };
    try {
      const c = new TestClient(t.app);
      await c.signIn(email, "wrong password here");
      expect(calls).toBe(1);
      await c.signIn("ghost-timing@example.test", "wrong password here");
      expect(calls).toBe(2);
    } finally {
      t.core.passwords.verify = real;
    }
  });
});
