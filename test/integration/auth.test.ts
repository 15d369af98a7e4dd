import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { linkIn, startTestApp, type TestApp, tokenFromLink } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("accounts and sessions on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("signs in with a new session id each time, sets a safe cookie, and /me answers", async () => {
    const inst = await makeInstitution(t.core);
    const { email, password } = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    const first = await c.signIn(email, password);
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((k) => k.name === "sceau_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const firstToken = c.sessionCookie;
    expect(first.json().user.memberships[0].institution.slug).toBe(inst.slug);

    const second = await c.signIn(email, password);
    expect(second.statusCode).toBe(200);
    expect(c.sessionCookie).not.toBe(firstToken);
    // The session the browser brought is ended (no fixation, no orphan).
    const old = new TestClient(t.app);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: `sceau_session=${firstToken}` },
    });
    expect(res.statusCode).toBe(401);
    expect((await c.get("/api/v1/auth/me")).json().user.email).toBe(email);
    void old;
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { email } = await makeUser(t.core);
    const c = new TestClient(t.app);
    const wrong = await c.signIn(email, "not-the-password");
    const unknown = await c.signIn("nobody-here@example.test", "not-the-password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("invalid_credentials");
    expect(unknown.json().error).toMatchObject({
      code: wrong.json().error.code,
      message: wrong.json().error.message,
    });
    expect(wrong.json().error.message.fr).toMatch(/incorrect/);
    expect(wrong.json().error.message.en).toMatch(/Incorrect/);
  });

  it("backs off after repeated failures, for known and unknown emails alike", async () => {
    const { email, password } = await makeUser(t.core);
    for (const target of [email, "ghost@example.test"]) {
      const c = new TestClient(t.app);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await c.signIn(target, "wrong-password")).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes[5]).toBe(429);
      const locked = await c.signIn(target, target === email ? password : "x");
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    }
    t.clock.advance(60_000);
    expect((await new TestClient(t.app).signIn(email, password)).statusCode).toBe(200);
  });

  it("lists sessions, revokes one, and signs out everywhere", async () => {
    const { email, password } = await makeUser(t.core);
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn(email, password);
    await b.signIn(email, password);
    const list = (await a.get("/api/v1/auth/sessions")).json().sessions;
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await a.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
    await b.signIn(email, password);
    expect((await a.post("/api/v1/auth/sessions/revoke-all")).statusCode).toBe(204);
    expect((await a.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("cannot revoke another user's session (404, nothing changes)", async () => {
    const u1 = await makeUser(t.core);
    const u2 = await makeUser(t.core);
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn(u1.email, u1.password);
    await b.signIn(u2.email, u2.password);
    const bSession = (await b.get("/api/v1/auth/sessions")).json().sessions[0].id;
    const res = await a.delete(`/api/v1/auth/sessions/${bSession}`);
    expect(res.statusCode).toBe(404);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("resets a password through a single-use, expiring emailed link", async () => {
    const { email, password } = await makeUser(t.core);
    const signedIn = new TestClient(t.app);
    await signedIn.signIn(email, password);
    const c = new TestClient(t.app);
    const asked = await c.post("/api/v1/auth/password-reset", { email });
    expect(asked.statusCode).toBe(202);
    const unknown = await c.post("/api/v1/auth/password-reset", { email: "nobody@example.test" });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(asked.json());

    const mail = await t.waitForMail(email, "Reset your password");
    expect(mail.subject).toContain("Réinitialiser");
    expect(mail.html).toContain('lang="en"');
    const token = tokenFromLink(linkIn(mail, "/reset-password#token="));
    const short = await c.post("/api/v1/auth/password-reset/complete", { token, password: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe("password_too_short");
    const done = await c.post("/api/v1/auth/password-reset/complete", {
      token,
      password: "a brand new passphrase",
    });
    expect(done.statusCode).toBe(204);
    // Every session ended; the old password no longer works; the link is spent.
    expect((await signedIn.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await c.signIn(email, password)).statusCode).toBe(401);
    expect((await c.signIn(email, "a brand new passphrase")).statusCode).toBe(200);
    const again = await c.post("/api/v1/auth/password-reset/complete", {
      token,
      password: "another passphrase",
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("reset_link_invalid");
  });

  it("refuses an expired reset link", async () => {
    const { email } = await makeUser(t.core);
    const c = new TestClient(t.app);
    await c.post("/api/v1/auth/password-reset", { email });
    const token = tokenFromLink(linkIn(await t.waitForMail(email, "Reset"), "/reset-password#token="));
    t.clock.advance(61 * 60 * 1000);
    const res = await c.post("/api/v1/auth/password-reset/complete", {
      token,
      password: "a brand new passphrase",
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("reset_link_invalid");
  });

  it("changes the password, keeping this session and ending the others", async () => {
    const { email, password } = await makeUser(t.core);
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn(email, password);
    await b.signIn(email, password);
    const bad = await a.post("/api/v1/auth/password", {
      currentPassword: "nope-nope",
      newPassword: "new passphrase 1",
    });
    expect(bad.statusCode).toBe(403);
    const ok = await a.post("/api/v1/auth/password", {
      currentPassword: password,
      newPassword: "new passphrase 1",
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("updates the display name and language", async () => {
    const { email, password } = await makeUser(t.core);
    const c = new TestClient(t.app);
    await c.signIn(email, password);
    const res = await c.patch("/api/v1/auth/me", { displayName: "  Nouvelle Personne ", locale: "en" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ displayName: "Nouvelle Personne", locale: "en" });
  });

  it("never returns password or token hashes", async () => {
    const { email, password } = await makeUser(t.core);
    const c = new TestClient(t.app);
    const res = await c.signIn(email, password);
    const body = JSON.stringify([res.json(), (await c.get("/api/v1/auth/sessions")).json()]);
    expect(body).not.toMatch(/argon2|passwordHash|tokenHash/);
  });
});
