import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Case = {
  family: string;
  method: "POST" | "PATCH";
  url: string;
  valid: Record<string, unknown>;
  longField: string;
};

const long = "x".repeat(5000);

describe.each(BACKENDS)("bad input on %s", (backend) => {
  let t: TestApp;
  let c: TestClient;
  let slug: string;
  let cases: Case[];
  beforeAll(async () => {
    t = await startTestApp(backend);
    const inst = await makeInstitution(t.core);
    slug = inst.slug;
    const op = await makeUser(t.core, { operator: true, institutionId: inst.id });
    c = new TestClient(t.app);
    await c.signIn(op.email, op.password);
    cases = [
      {
        family: "sign-in",
        method: "POST",
        url: "/api/v1/auth/sign-in",
        valid: { email: "a@example.test", password: "secret123" },
        longField: "email",
      },
      {
        family: "password reset",
        method: "POST",
        url: "/api/v1/auth/password-reset",
        valid: { email: "a@example.test" },
        longField: "email",
      },
      {
        family: "reset completion",
        method: "POST",
        url: "/api/v1/auth/password-reset/complete",
        valid: { token: "t", password: "p" },
        longField: "token",
      },
      {
        family: "profile",
        method: "PATCH",
        url: "/api/v1/auth/me",
        valid: { displayName: "Nom" },
        longField: "displayName",
      },
      {
        family: "invitation lookup",
        method: "POST",
        url: "/api/v1/invitations/lookup",
        valid: { token: "t" },
        longField: "token",
      },
      {
        family: "institution",
        method: "POST",
        url: "/api/v1/institutions",
        valid: { slug: "ok-slug", nameFr: "A", nameEn: "B", primaryColor: "#000000", accentColor: "#000000" },
        longField: "nameFr",
      },
      {
        family: "institution edit",
        method: "PATCH",
        url: `/api/v1/institutions/${slug}`,
        valid: { nameFr: "A" },
        longField: "nameEn",
      },
      {
        family: "staff invitation",
        method: "POST",
        url: `/api/v1/institutions/${slug}/invitations`,
        valid: { email: "a@example.test", role: "issuer" },
        longField: "email",
      },
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectBilingual400 = (
    res: { statusCode: number; json(): { error: { code: string; message: { fr: string; en: string } } } },
    status = 400,
  ) => {
    expect(res.statusCode).toBe(status);
    const { error } = res.json();
    expect(error.message.fr.length).toBeGreaterThan(5);
    expect(error.message.en.length).toBeGreaterThan(5);
    expect(error.message.fr).not.toBe(error.message.en);
    return error;
  };

  it("rejects malformed JSON, missing, extra and overlong fields, wrong types and content types — without writing anything", async () => {
    const before = await snapshotDatabase(t.runtime.database);
    for (const k of cases) {
      const label = `${k.family}`;
      const malformed = await c.raw(k.method, k.url, {
        payload: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(expectBilingual400(malformed).code, label).toBe("validation_failed");

      const required = Object.keys(k.valid)[0] as string;
      const { [required]: _, ...missing } = k.valid;
      if (k.method === "POST") {
        const res = await c.raw(k.method, k.url, { body: missing });
        const error = expectBilingual400(res) as { issues?: { path: string }[] };
        expect(
          error.issues?.map((i) => i.path),
          label,
        ).toContain(required);
      }

      const extra = await c.raw(k.method, k.url, { body: { ...k.valid, isAdmin: true } });
      const extraError = expectBilingual400(extra) as {
        issues?: { path: string; message: { en: string } }[];
      };
      expect(extraError.issues?.[0]?.message.en, label).toMatch(/isAdmin/);

      const overlong = await c.raw(k.method, k.url, { body: { ...k.valid, [k.longField]: long } });
      expectBilingual400(overlong);

      const wrongType = await c.raw(k.method, k.url, { body: { ...k.valid, [required]: 42 } });
      expectBilingual400(wrongType);

      const notJson = await c.raw(k.method, k.url, {
        payload: "email=a",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(expectBilingual400(notJson, 415).code, label).toBe("unsupported_media_type");
      const text = await c.raw(k.method, k.url, {
        payload: JSON.stringify(k.valid),
        headers: { "content-type": "text/plain" },
      });
      expect(text.statusCode, label).toBe(415);

      const array = await c.raw(k.method, k.url, { body: [k.valid] });
      expectBilingual400(array);
    }
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses bodies over 1 MiB with 413", async () => {
    const huge = JSON.stringify({ email: "a@example.test", password: "x".repeat(1024 * 1024 + 10) });
    const res = await c.raw("POST", "/api/v1/auth/sign-in", {
      payload: huge,
      headers: { "content-type": "application/json" },
    });
    expect(expectBilingual400(res, 413).code).toBe("payload_too_large");
  });

  it("rejects bad path and query parameters with 400, not 500", async () => {
    expectBilingual400(await c.raw("DELETE", "/api/v1/auth/sessions/not-a-uuid"));
    expectBilingual400(await c.raw("GET", "/api/v1/users?page=0"));
    expectBilingual400(await c.raw("GET", "/api/v1/users?page=abc"));
    expectBilingual400(await c.raw("GET", `/api/v1/users?q=${"x".repeat(300)}`));
    expectBilingual400(await c.raw("POST", `/api/v1/institutions/${slug}/invitations/123/resend`));
    const longSlug = await c.raw("GET", `/api/v1/institutions/${"a".repeat(100)}`);
    expect(longSlug.statusCode).toBe(400);
  });

  it("refuses an unknown role and a password that is too short, in both languages", async () => {
    const role = await c.raw("POST", `/api/v1/institutions/${slug}/invitations`, {
      body: { email: "a@example.test", role: "operator" },
    });
    expect(expectBilingual400(role).code).toBe("validation_failed");
    const { email, password } = await makeUser(t.core);
    const user = new TestClient(t.app);
    await user.signIn(email, password);
    const short = await user.post("/api/v1/auth/password", {
      currentPassword: password,
      newPassword: "1234567",
    });
    const error = expectBilingual400(short);
    expect(error.code).toBe("password_too_short");
    expect(error.message.fr).toMatch(/8 caractères/);
    expect(error.message.en).toMatch(/8 characters/);
  });
});
