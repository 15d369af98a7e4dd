import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { startTestOidcProvider, type TestOidcProvider } from "../support/oidc-test-provider.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const CALLBACK = "http://localhost:3000/api/v1/sign-on/oidc/callback";
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

describe.each(BACKENDS)("OpenID Connect sign-on on %s", (backend) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let social: TestOidcProvider;
  let other: TestOidcProvider;
  let inst: Institution;
  let type: DocumentType;
  let admin: TestClient;
  let operator: TestClient;

  const oidcBody = (p: TestOidcProvider, extra: Record<string, unknown> = {}) => ({
    protocol: "oidc",
    enabled: true,
    settings: {
      issuer: p.issuer,
      clientId: p.clientId,
      scopes: "openid email student",
      studentNumberClaim: "student_number",
      emailClaim: "email",
    },
    clientSecret: p.clientSecret,
    ...extra,
  });
  const configure = (c: TestClient, slug: string, body: unknown) =>
    c.raw("PUT", `/api/v1/institutions/${slug}/sign-on`, { body });

  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    [idp, social, other] = await Promise.all([
      startTestOidcProvider({ redirectUris: [CALLBACK] }),
      startTestOidcProvider({ redirectUris: [CALLBACK], clientId: "sceau-social" }),
      startTestOidcProvider({ redirectUris: [CALLBACK] }),
    ]);
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
    admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    operator = await signedInClient(t, { operator: true });
    expect((await configure(admin, inst.slug, oidcBody(idp))).statusCode).toBe(200);
    const saved = await operator.raw("PUT", "/api/v1/operator/sign-on-providers/google", {
      body: {
        nameFr: "Google",
        nameEn: "Google",
        enabled: true,
        settings: {
          issuer: social.issuer,
          clientId: social.clientId,
          scopes: "openid email",
          emailClaim: "email",
        },
        clientSecret: social.clientSecret,
      },
    });
    expect(saved.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t?.close(), idp?.close(), social?.close(), other?.close()]);
  });

  /** Starts the institution's sign-on in a fresh browser; returns the browser and the provider URL. */
  const start = async (slug = inst.slug, c = new TestClient(t.app)) => {
    const res = await c.get(`/api/v1/sign-on/${slug}/start`);
    expect(res.statusCode).toBe(303);
    return { c, url: res.headers.location as string };
  };
  const learnerWithDocument = async (input: Parameters<typeof makeLearner>[2] = {}) => {
    const learner = await makeLearner(t.core, inst, input);
    const { document } = await makeDocument(t.core, inst, { learner, type, title: `Diplôme ${uniq()}` });
    return { learner, document };
  };
  const stateOf = (url: string) => new URL(url).searchParams.get("state") as string;

  it("signs a learner in by student number, creates the account and lists the institution's documents", async () => {
    const { learner, document } = await learnerWithDocument();
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { email: `someone-${uniq()}@mail.test`, student_number: learner.studentNumber });
    const { c, url } = await start();
    const auth = new URL(url);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("nonce")?.length).toBeGreaterThan(40);
    expect(stateOf(url).length).toBeGreaterThan(40);
    // Only the state's hash is stored.
    expect(await t.core.stores.ssoTransactions.findByStateHash(stateOf(url))).toBeNull();

    const back = await c.get(pathOf(await idp.authorize(url, sub)));
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe("/wallet");
    const wallet = await c.get("/api/v1/wallet/documents");
    expect(wallet.statusCode).toBe(200);
    expect(wallet.json().documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const me = (await c.get("/api/v1/auth/me")).json().user;
    // An email the institution did not record is not trusted: the account takes the learner's own.
    expect(me.email).toBe(learner.institutionalEmail);
    const [invitation] = await t.core.stores.learnerInvitations.findByLearners([learner.id]);
    expect(invitation?.status).toBe("claimed");
    const audit = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "sign_on.signed_in",
      limit: 5,
    });
    expect(audit[0]).toMatchObject({ targetId: learner.id, actorUserId: me.id });
    expect(audit[0]?.details.outcome).toBe("created_user");

    // Again: the same user, a new session.
    const again = await start();
    const second = await again.c.get(pathOf(await idp.authorize(again.url, sub)));
    expect(second.statusCode).toBe(303);
    expect((await again.c.get("/api/v1/auth/me")).json().user.id).toBe(me.id);
  });

  it("matches by email when no student number is sent, and links an existing verified account", async () => {
    const email = `perso-${uniq()}@home.test`;
    const existing = await makeUser(t.core, { email });
    const { learner } = await learnerWithDocument({ personalEmail: email });
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { email: email.toUpperCase() });
    const { c, url } = await start();
    expect((await c.get(pathOf(await idp.authorize(url, sub)))).headers.location).toBe("/wallet");
    expect((await c.get("/api/v1/auth/me")).json().user.id).toBe(existing.user.id);
    expect(await t.core.stores.learners.linkedUserId(learner.id)).toBe(existing.user.id);
  });

  it("refuses a student number that matches nothing, with a bilingual page, and writes nothing", async () => {
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { email: `nobody-${uniq()}@mail.test`, student_number: "NOPE-0000" });
    const { c, url } = await start();
    const callback = pathOf(await idp.authorize(url, sub));
    const before = await snapshotDatabase(t.runtime.database);
    const res = await c.get(callback);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("n&#39;a pas encore de documents");
    expect(res.body).toContain("has no documents for you");
    expect(c.sessionCookie).toBeUndefined();
    // Only the transaction's used_at changed.
    const after = await snapshotDatabase(t.runtime.database);
    expect(after.replace(/"used_at":"[^"]+"/g, '"used_at":null')).toBe(
      before.replace(/"used_at":"[^"]+"/g, '"used_at":null'),
    );
  });

  it("never links another institution's learner", async () => {
    const inst2 = await makeInstitution(t.core);
    const learner2 = await makeLearner(t.core, inst2);
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { email: learner2.institutionalEmail, student_number: learner2.studentNumber });
    const { c, url } = await start();
    const res = await c.get(pathOf(await idp.authorize(url, sub)));
    expect(res.statusCode).toBe(403);
    expect(await t.core.stores.learners.linkedUserId(learner2.id)).toBeNull();
  });

  it("refuses a state that does not match the browser's, a replayed callback and an expired transaction", async () => {
    const { learner } = await learnerWithDocument();
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { student_number: learner.studentNumber });

    // Another browser (the attacker's callback link) has no matching state cookie.
    const first = await start();
    const callback = pathOf(await idp.authorize(first.url, sub));
    const stranger = new TestClient(t.app);
    expect((await stranger.get(callback)).statusCode).toBe(400);
    const wrongCookie = new TestClient(t.app);
    wrongCookie.setCookie("sceau_sign_on_state", "x".repeat(43));
    expect((await wrongCookie.get(callback)).statusCode).toBe(400);
    expect(stranger.sessionCookie).toBeUndefined();

    // Replayed: the transaction works once.
    const ok = await start();
    const cb = pathOf(await idp.authorize(ok.url, sub));
    expect((await ok.c.get(cb)).statusCode).toBe(303);
    const replay = new TestClient(t.app);
    replay.setCookie("sceau_sign_on_state", stateOf(ok.url));
    const replayed = await replay.get(cb);
    expect(replayed.statusCode).toBe(400);
    expect(replay.sessionCookie).toBeUndefined();

    // Expired after 10 minutes.
    const late = await start();
    const lateCb = pathOf(await idp.authorize(late.url, sub));
    t.clock.advance(11 * 60 * 1000);
    try {
      expect((await late.c.get(lateCb)).statusCode).toBe(400);
      expect(late.c.sessionCookie).toBeUndefined();
    } finally {
      t.clock.advance(-11 * 60 * 1000);
    }
  });

  it("refuses a tampered nonce", async () => {
    const { learner } = await learnerWithDocument();
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { student_number: learner.studentNumber });
    const { c, url } = await start();
    const cb = pathOf(await idp.authorize(url, sub));
    const hash = t.core.secrets.hashToken(stateOf(url));
    await t.runtime.database.db.execute(
      sql`update sso_transactions set nonce = 'tampered' where state_hash = ${hash}`,
    );
    const res = await c.get(cb);
    expect(res.statusCode).toBe(400);
    expect(c.sessionCookie).toBeUndefined();
    expect(await t.core.stores.learners.linkedUserId(learner.id)).toBeNull();
  });

  it("refuses an answer from another provider (wrong issuer) and a code for another client (wrong audience)", async () => {
    const { learner } = await learnerWithDocument();
    const sub = `sub-${uniq()}`;
    for (const p of [idp, other]) p.setAccount(sub, { student_number: learner.studentNumber });
    // The second provider answers our state: iss and the code are its own.
    const { c, url } = await start();
    const forged = new URL(url.replace(idp.issuer, other.issuer));
    const fromOther = await c.get(pathOf(await other.authorize(forged.href, sub)));
    expect(fromOther.statusCode).toBe(400);
    expect(c.sessionCookie).toBeUndefined();

    // The right provider, but a code issued to another client of it.
    const stranger = await startTestOidcProvider({ redirectUris: [CALLBACK], clientId: "someone-else" });
    try {
      stranger.setAccount(sub, { student_number: learner.studentNumber });
      const again = await start();
      const swapped = new URL(again.url.replace(idp.issuer, stranger.issuer));
      swapped.searchParams.set("client_id", "someone-else");
      const res = await again.c.get(pathOf(await stranger.authorize(swapped.href, sub)));
      expect(res.statusCode).toBe(400);
      expect(again.c.sessionCookie).toBeUndefined();
    } finally {
      await stranger.close();
    }
    expect(await t.core.stores.learners.linkedUserId(learner.id)).toBeNull();
  });

  it("refuses a disabled provider at the start and at the callback", async () => {
    const inst2 = await makeInstitution(t.core);
    const admin2 = await signedInClient(t, { institutionId: inst2.id, role: "institution_admin" });
    expect((await configure(admin2, inst2.slug, oidcBody(idp))).statusCode).toBe(200);
    const learner = await makeLearner(t.core, inst2);
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { student_number: learner.studentNumber });
    const { c, url } = await start(inst2.slug);
    const cb = pathOf(await idp.authorize(url, sub));
    expect((await configure(admin2, inst2.slug, oidcBody(idp, { enabled: false }))).statusCode).toBe(200);
    expect((await c.get(cb)).statusCode).toBe(400);
    expect((await new TestClient(t.app).get(`/api/v1/sign-on/${inst2.slug}/start`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get("/api/v1/sign-on/no-such-school/start")).statusCode).toBe(404);
    const options = (await new TestClient(t.app).get("/api/v1/sign-on/options")).json();
    expect(options.institutions.map((i: { slug: string }) => i.slug)).toContain(inst.slug);
    expect(options.institutions.map((i: { slug: string }) => i.slug)).not.toContain(inst2.slug);
  });

  it("keeps the configuration to the institution's administrators and never returns the client secret", async () => {
    const anonymous = new TestClient(t.app);
    const inst2 = await makeInstitution(t.core);
    const otherAdmin = await signedInClient(t, { institutionId: inst2.id, role: "institution_admin" });
    const issuer = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    const learnerUser = await signedInClient(t);
    const before = await snapshotDatabase(t.runtime.database);
    const path = `/api/v1/institutions/${inst.slug}/sign-on`;
    expect((await anonymous.get(path)).statusCode).toBe(401);
    expect((await configure(anonymous, inst.slug, oidcBody(other))).statusCode).toBe(401);
    for (const c of [otherAdmin, issuer, learnerUser]) {
      expect((await c.get(path)).statusCode).toBe(404);
      expect((await configure(c, inst.slug, oidcBody(other))).statusCode).toBe(404);
      expect((await c.post(`${path}/check`)).statusCode).toBe(404);
      expect((await c.post(`${path}/oidc/test`)).statusCode).toBe(404);
      expect((await c.get("/api/v1/operator/sign-on-providers")).statusCode).toBe(404);
      expect((await c.raw("DELETE", "/api/v1/operator/sign-on-providers/google")).statusCode).toBe(404);
    }
    expect((await anonymous.get("/api/v1/operator/sign-on-providers")).statusCode).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    // Bad input.
    expect((await configure(admin, inst.slug, { ...oidcBody(idp), protocol: "ldap" })).statusCode).toBe(400);
    expect(
      (await configure(admin, inst.slug, oidcBody(idp, { settings: { issuer: "ftp://x" } }))).statusCode,
    ).toBe(400);
    expect((await configure(admin, inst.slug, oidcBody(idp, { secret: "extra field" }))).statusCode).toBe(
      400,
    );

    // The secret never leaves: not in reads, writes, lists, audit details.
    const answers = [
      await admin.get(path),
      await configure(admin, inst.slug, oidcBody(idp)),
      await operator.get("/api/v1/operator/sign-on-providers"),
      await operator.get(path),
      await admin.get(`/api/v1/audit?limit=50`),
      await operator.get(`/api/v1/audit?limit=50`),
    ];
    for (const res of answers) {
      expect(res.body).not.toContain(idp.clientSecret);
      expect(res.body).not.toContain(social.clientSecret);
    }
    expect(answers[0]?.json().provider).toMatchObject({
      hasSecret: true,
      protocol: "oidc",
      settings: { issuer: idp.issuer },
    });
    // Omitting the secret keeps it.
    const { clientSecret: _, ...noSecret } = oidcBody(idp);
    expect((await configure(admin, inst.slug, noSecret)).json().provider.hasSecret).toBe(true);
    const check = await admin.post(`${path}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.json().ok).toBe(true);
    const audit = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "sign_on.configured",
      limit: 1,
    });
    expect(audit[0]?.details).toMatchObject({ protocol: "oidc", issuer: idp.issuer });
  });

  it("runs an administrator's test sign-in that shows the mapped claims and signs nobody in", async () => {
    const learner = await makeLearner(t.core, inst);
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { email: "test@mail.test", student_number: learner.studentNumber });
    const started = await admin.post(`/api/v1/institutions/${inst.slug}/sign-on/oidc/test`);
    expect(started.statusCode).toBe(200);
    const session = admin.sessionCookie;
    const res = await admin.get(pathOf(await idp.authorize(started.json().url, sub)));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(learner.studentNumber);
    expect(res.body).toContain("Oui");
    expect(admin.sessionCookie).toBe(session);
    expect(await t.core.stores.learners.linkedUserId(learner.id)).toBeNull();
  });

  it("links a social account, signs in with it, refuses it to another user, and unlinks only when another way remains", async () => {
    const sub = `g-${uniq()}`;
    social.setAccount(sub, { email: `me-${uniq()}@gmail.test` });
    const u = await makeUser(t.core);
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const list = (await c.get("/api/v1/account/linked-accounts")).json();
    expect(list.providers.map((p: { key: string }) => p.key)).toContain("google");
    const started = await c.post("/api/v1/account/linked-accounts/google/start");
    expect(started.statusCode).toBe(200);
    const linked = await c.get(pathOf(await social.authorize(started.json().url, sub)));
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toContain("/account?linked=google");
    const accounts = (await c.get("/api/v1/account/linked-accounts")).json().linked;
    expect(accounts).toHaveLength(1);

    // Sign in with it in a new browser.
    const b = new TestClient(t.app);
    const s = await b.get("/api/v1/sign-on/social/google/start");
    expect(s.statusCode).toBe(303);
    expect((await b.get(pathOf(await social.authorize(s.headers.location as string, sub)))).statusCode).toBe(
      303,
    );
    expect((await b.get("/api/v1/auth/me")).json().user.id).toBe(u.user.id);

    // Another user cannot link the same subject.
    const thief = await signedInClient(t);
    const t2 = await thief.post("/api/v1/account/linked-accounts/google/start");
    const refused = await thief.get(pathOf(await social.authorize(t2.json().url, sub)));
    expect(refused.statusCode).toBe(409);

    // A subject nobody linked never creates an account.
    const unknown = `g-${uniq()}`;
    social.setAccount(unknown, { email: `new-${uniq()}@gmail.test` });
    const n = new TestClient(t.app);
    const ns = await n.get("/api/v1/sign-on/social/google/start");
    const nr = await n.get(pathOf(await social.authorize(ns.headers.location as string, unknown)));
    expect(nr.statusCode).toBe(403);
    expect(nr.body).toContain("not linked");
    expect(n.sessionCookie).toBeUndefined();

    // Others cannot unlink it; the owner can (they have a password).
    expect((await thief.delete(`/api/v1/account/linked-accounts/${accounts[0].id}`)).statusCode).toBe(404);
    expect(
      (await new TestClient(t.app).delete(`/api/v1/account/linked-accounts/${accounts[0].id}`)).statusCode,
    ).toBe(401);
    expect((await c.delete(`/api/v1/account/linked-accounts/${accounts[0].id}`)).statusCode).toBe(204);
    const events = await t.core.stores.audit.list({ institutionId: null, limit: 20 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["linked_account.linked", "linked_account.unlinked"]),
    );
  });

  it("refuses to unlink the last way to sign in", async () => {
    // A learner created by institution sign-on has no password.
    const { learner } = await learnerWithDocument();
    const sub = `sub-${uniq()}`;
    idp.setAccount(sub, { student_number: learner.studentNumber });
    const { c, url } = await start();
    await c.get(pathOf(await idp.authorize(url, sub)));
    const g = `g-${uniq()}`;
    social.setAccount(g, {});
    const started = await c.post("/api/v1/account/linked-accounts/google/start");
    await c.get(pathOf(await social.authorize(started.json().url, g)));
    const [only] = (await c.get("/api/v1/account/linked-accounts")).json().linked;
    const res = await c.delete(`/api/v1/account/linked-accounts/${only.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("linked_account_last_method");
  });
});
