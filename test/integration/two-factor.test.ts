import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase32, hotpCode, timeStep } from "../../src/adapters/totp/hotp-code.ts";
import { makeInstitution, makeUser, signedInClient } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/** The code an authenticator app shows for this secret at `at`, `offset` steps away. */
const codeFor = (secret: string, at: Date, offset = 0) => hotpCode(fromBase32(secret), timeStep(at) + offset);

describe.each(BACKENDS)("two-step verification (TOTP) on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A user signed in who turned TOTP on; the secret and recovery codes they were shown. */
  const enrolled = async () => {
    const u = await makeUser(t.core);
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).json()).toMatchObject({ status: "signed_in" });
    const started = await c.post("/api/v1/auth/two-factor/enrolment");
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = started.json();
    expect(secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(otpauthUri).toContain(`secret=${secret.replace(/ /g, "")}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Sceau%3A.+issuer=Sceau/);
    expect(qrSvg).toMatch(/^<svg /);
    // Not on until a code confirms it.
    expect((await c.get("/api/v1/auth/two-factor")).json()).toMatchObject({ enabled: false });
    // A code from one step ago, so the next sign-in can use the current step.
    const confirmed = await c.post("/api/v1/auth/two-factor/enrolment/confirm", {
      code: codeFor(secret, t.clock.now(), -1),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().codes;
    return { ...u, client: c, secret: secret as string, codes };
  };

  /** Signs in with the password: expects the code step, and no session cookie yet. */
  const firstStep = async (email: string, password: string) => {
    const c = new TestClient(t.app);
    const res = await c.signIn(email, password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "totp_required" });
    expect(res.cookies.map((k) => k.name)).toEqual(["sceau_sign_in_challenge"]);
    const challenge = res.cookies[0];
    expect(challenge).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/v1/auth/sign-in" });
    expect(c.sessionCookie).toBeUndefined();
    expect((await c.get("/api/v1/auth/me")).statusCode).toBe(401);
    return c;
  };
  const secondStep = (c: TestClient, body: { code: string } | { recoveryCode: string }) =>
    c.post("/api/v1/auth/sign-in/totp", body);

  it("enrols with a code, gives 10 readable recovery codes, and audits it", async () => {
    const u = await enrolled();
    expect(u.codes).toHaveLength(10);
    for (const code of u.codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Set(u.codes).size).toBe(10);
    const status = (await u.client.get("/api/v1/auth/two-factor")).json();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // Only hashes are stored, and the secret is sealed.
    const row = await t.core.stores.twoFactor.find(u.user.id);
    expect(Buffer.from(row?.sealedSecret ?? []).toString("latin1")).not.toContain(u.secret.replace(/ /g, ""));
    // Sealed for this user: under another user's purpose it does not open.
    expect(t.core.secretBox.open(`totp-secret:${u.user.id}`, row?.sealedSecret as Uint8Array)).toBe(
      u.secret.replace(/ /g, ""),
    );
    expect(() =>
      t.core.secretBox.open(`totp-secret:${t.core.newId()}`, row?.sealedSecret as Uint8Array),
    ).toThrow();
    const events = await t.core.stores.audit.list({
      institutionId: null,
      action: "two_factor.enabled",
      limit: 50,
    });
    expect(events.some((e) => e.targetId === u.user.id)).toBe(true);
    // A second enrolment while on is refused.
    expect((await u.client.post("/api/v1/auth/two-factor/enrolment")).statusCode).toBe(409);
  });

  it("refuses a wrong enrolment code and keeps TOTP off", async () => {
    const c = await signedInClient(t);
    const { secret } = (await c.post("/api/v1/auth/two-factor/enrolment")).json();
    const wrong = String((Number(codeFor(secret, t.clock.now())) + 1) % 1_000_000).padStart(6, "0");
    const res = await c.post("/api/v1/auth/two-factor/enrolment/confirm", { code: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("totp_code_invalid");
    expect((await c.get("/api/v1/auth/two-factor")).json()).toMatchObject({ enabled: false });
  });

  it("signs in with password then code; a wrong code is refused, a code works once", async () => {
    const u = await enrolled();
    const c = await firstStep(u.email, u.password);
    const now = t.clock.now();
    const wrong = await secondStep(c, { code: "000000" === codeFor(u.secret, now) ? "111111" : "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("totp_code_invalid");
    expect(c.sessionCookie).toBeUndefined();
    // The challenge survives a typo; the right code signs in.
    const code = codeFor(u.secret, now, 1);
    const ok = await secondStep(c, { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "signed_in", user: { email: u.email } });
    expect(c.sessionCookie).toBeTruthy();
    expect((await c.get("/api/v1/auth/me")).statusCode).toBe(200);
    // The same code a second time, in a new sign-in, is refused.
    const d = await firstStep(u.email, u.password);
    const replay = await secondStep(d, { code });
    expect(replay.statusCode).toBe(400);
    expect(d.sessionCookie).toBeUndefined();
  });

  it("takes a recovery code once, audits it, and a regenerated set voids the old codes", async () => {
    const u = await enrolled();
    const c = await firstStep(u.email, u.password);
    const first = u.codes[0] as string;
    // Typed loosely: lower case, spaces instead of hyphens.
    const ok = await secondStep(c, { recoveryCode: first.toLowerCase().replace(/-/g, " ") });
    expect(ok.statusCode).toBe(200);
    expect(c.sessionCookie).toBeTruthy();
    const events = await t.core.stores.audit.list({
      institutionId: null,
      action: "two_factor.recovery_code_used",
      limit: 50,
    });
    expect(events.find((e) => e.targetId === u.user.id)?.details).toEqual({ codesLeft: 9 });
    const again = await firstStep(u.email, u.password);
    expect((await secondStep(again, { recoveryCode: first })).statusCode).toBe(400);

    // Regenerating needs the password (or a code) and voids every earlier code.
    expect(
      (await c.post("/api/v1/auth/two-factor/recovery-codes", { password: "wrong one" })).statusCode,
    ).toBe(403);
    const fresh = await c.post("/api/v1/auth/two-factor/recovery-codes", { password: u.password });
    expect(fresh.statusCode).toBe(200);
    const codes: string[] = fresh.json().codes;
    expect(codes).toHaveLength(10);
    expect((await secondStep(again, { recoveryCode: u.codes[1] as string })).statusCode).toBe(400);
    expect((await secondStep(again, { recoveryCode: codes[0] as string })).statusCode).toBe(200);
    const regen = await t.core.stores.audit.list({
      institutionId: null,
      action: "two_factor.recovery_codes_regenerated",
      limit: 50,
    });
    expect(regen.some((e) => e.targetId === u.user.id)).toBe(true);
  });

  it("backs off repeated wrong codes like passwords", async () => {
    const u = await enrolled();
    const c = await firstStep(u.email, u.password);
    const right = codeFor(u.secret, t.clock.now());
    const wrong = right === "123456" ? "654321" : "123456";
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await secondStep(c, { code: wrong })).statusCode);
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
    // Locked: even the right code waits.
    const locked = await secondStep(c, { code: right });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("too_many_attempts");
    // Recovery codes count against the same back-off.
    expect((await secondStep(c, { recoveryCode: u.codes[0] as string })).statusCode).toBe(429);
    t.clock.advance(31_000);
    const later = await firstStep(u.email, u.password);
    expect((await secondStep(later, { code: codeFor(u.secret, t.clock.now()) })).statusCode).toBe(200);
  });

  it("makes the challenge single use and short-lived", async () => {
    const u = await enrolled();
    const c = await firstStep(u.email, u.password);
    const challenge = c.cookie("sceau_sign_in_challenge") as string;
    expect((await secondStep(c, { recoveryCode: u.codes[0] as string })).statusCode).toBe(200);
    // Replaying the same challenge (another browser holding a copy) fails, even with a good code.
    const thief = new TestClient(t.app);
    thief.setCookie("sceau_sign_in_challenge", challenge);
    const replay = await secondStep(thief, { recoveryCode: u.codes[1] as string });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("sign_in_step_expired");
    expect(thief.sessionCookie).toBeUndefined();

    // Five minutes later the challenge has expired.
    const slow = await firstStep(u.email, u.password);
    t.clock.advance(5 * 60_000 + 1000);
    const late = await secondStep(slow, { code: codeFor(u.secret, t.clock.now()) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe("sign_in_step_expired");

    // No challenge, a forged one, or one for another purpose: the same answer.
    const none = new TestClient(t.app);
    expect((await secondStep(none, { code: "123456" })).statusCode).toBe(401);
    none.setCookie("sceau_sign_in_challenge", `${challenge.slice(0, -4)}AAAA`);
    expect((await secondStep(none, { code: "123456" })).statusCode).toBe(401);
  });

  it("turns off with the password or a current code, not without", async () => {
    const u = await enrolled();
    const c = u.client;
    expect((await c.post("/api/v1/auth/two-factor/disable", {})).statusCode).toBe(400);
    const wrong = await c.post("/api/v1/auth/two-factor/disable", { password: "not my password" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("password_incorrect");
    expect((await c.get("/api/v1/auth/two-factor")).json().enabled).toBe(true);
    const ok = await c.post("/api/v1/auth/two-factor/disable", { code: codeFor(u.secret, t.clock.now(), 1) });
    expect(ok.statusCode).toBe(204);
    expect((await c.get("/api/v1/auth/two-factor")).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const events = await t.core.stores.audit.list({
      institutionId: null,
      action: "two_factor.disabled",
      limit: 50,
    });
    expect(events.some((e) => e.targetId === u.user.id)).toBe(true);
    // Signing in needs the password only again.
    const d = new TestClient(t.app);
    expect((await d.signIn(u.email, u.password)).json()).toMatchObject({ status: "signed_in" });
    // With the password too (after a new enrolment).
    const again = await enrolled();
    expect(
      (await again.client.post("/api/v1/auth/two-factor/disable", { password: again.password })).statusCode,
    ).toBe(204);
  });

  it("refuses anonymous callers and bad input", async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get("/api/v1/auth/two-factor")).statusCode).toBe(401);
    expect((await anon.post("/api/v1/auth/two-factor/enrolment")).statusCode).toBe(401);
    expect(
      (await anon.post("/api/v1/auth/two-factor/enrolment/confirm", { code: "123456" })).statusCode,
    ).toBe(401);
    expect((await anon.post("/api/v1/auth/two-factor/disable", { password: "x" })).statusCode).toBe(401);
    expect((await anon.post("/api/v1/auth/two-factor/recovery-codes", { password: "x" })).statusCode).toBe(
      401,
    );
    const c = await signedInClient(t);
    // Nothing pending, nothing on.
    expect((await c.post("/api/v1/auth/two-factor/enrolment/confirm", { code: "123456" })).statusCode).toBe(
      409,
    );
    expect((await c.post("/api/v1/auth/two-factor/disable", { password: "x" })).statusCode).toBe(409);
    expect((await c.post("/api/v1/auth/two-factor/recovery-codes", { password: "x" })).statusCode).toBe(409);
    for (const body of [
      {},
      { code: 123456 },
      { code: "1".repeat(50) },
      { code: "1", recoveryCode: "2" },
      { extra: 1 },
    ])
      expect((await c.post("/api/v1/auth/sign-in/totp", body)).statusCode).toBe(400);
    expect((await c.post("/api/v1/auth/two-factor/enrolment/confirm", { code: "" })).statusCode).toBe(400);
    expect((await c.post("/api/v1/auth/two-factor/disable", { password: "x", code: "1" })).statusCode).toBe(
      400,
    );
  });

  it("asks for the code when an account with TOTP accepts a staff invitation", async () => {
    const u = await enrolled();
    const inst = await makeInstitution(t.core);
    const token = t.core.secrets.randomToken();
    await t.core.stores.invitations.create({
      email: u.email,
      role: "issuer",
      institutionId: inst.id,
      invitedBy: null,
      locale: "fr",
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000),
      tokenHash: t.core.secrets.hashToken(token),
    });
    const c = new TestClient(t.app);
    const res = await c.post("/api/v1/invitations/accept", { token, password: u.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "totp_required" });
    expect(c.sessionCookie).toBeUndefined();
    const ok = await secondStep(c, { code: codeFor(u.secret, t.clock.now(), 1) });
    expect(ok.json().user.memberships).toMatchObject([{ role: "issuer", institution: { slug: inst.slug } }]);
  });

  it("one user's enrolment never confirms or signs in another's", async () => {
    const a = await enrolled();
    const b = await enrolled();
    const c = await firstStep(b.email, b.password);
    // a's codes are no use for b.
    expect((await secondStep(c, { code: codeFor(a.secret, t.clock.now(), 1) })).statusCode).toBe(400);
    expect((await secondStep(c, { recoveryCode: a.codes[0] as string })).statusCode).toBe(400);
    expect((await secondStep(c, { recoveryCode: b.codes[0] as string })).statusCode).toBe(200);
  });
});
