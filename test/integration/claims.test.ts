import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { Learner } from "../../src/core/learners/learners.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { linkIn, startTestApp, type TestApp, tokenFromLink } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const DAY_MS = 86_400_000;

describe.each(BACKENDS)("claiming documents with an access code on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A learner with a personal email, a document issued to them, and the code and password they were emailed. */
  const invited = async (locale: "fr" | "en" = "fr") => {
    const email = `learner-${uniq()}@home.test`;
    const learner = await makeLearner(t.core, inst, { givenName: "Léa", personalEmail: email, locale });
    const { document } = await makeDocument(t.core, inst, { learner, type, title: `Diplôme ${uniq()}` });
    const codeMail = await t.waitForMail(email, locale === "fr" ? "vous attendent" : "are waiting");
    const passwordMail = await t.waitForMail(email, locale === "fr" ? "mot de passe" : "claim password");
    const code = /#code=([0-9A-Z]+)/.exec(codeMail.text)?.[1] as string;
    const password = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(passwordMail.text)?.[1] as string;
    expect(code).toHaveLength(26);
    expect(password).toHaveLength(14);
    return { learner, document, email, code, password };
  };
  const check = (c: TestClient, code: string, password: string) =>
    c.post("/api/v1/claims/check", { code, password });
  const complete = (c: TestClient, claimToken: string, email: string, password = `pw ${uniq()} long`) =>
    c.post("/api/v1/claims/complete", { claimToken, email, password, acceptTerms: true, locale: "fr" });
  /** The newest email to `to` whose subject contains `part`, once there are `count` of them. */
  const nthMail = async (to: string, part: string, count: number) => {
    for (let i = 0; i < 200; i++) {
      const found = (await t.mail.list()).filter((m) => m.to === to && m.subject.includes(part));
      if (found.length >= count && found[0])
        return (await t.mail.get(found[0].id)) as NonNullable<Awaited<ReturnType<typeof t.mail.get>>>;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`fewer than ${count} emails "${part}" to ${to}`);
  };
  const invitationOf = async (learner: Learner) =>
    (await t.core.stores.learnerInvitations.findByLearners([learner.id]))[0];

  it("goes from code and password to an activated, signed-in account whose wallet lists the document", async () => {
    const { learner, document, email, code, password } = await invited();
    const c = new TestClient(t.app);
    // Typed as in the email (groups of 4, lower case, look-alike letters) still works.
    const typed = code
      .toLowerCase()
      .replace(/(.{4})/g, "$1 ")
      .replace(/1/g, "l")
      .replace(/0/g, "o");
    const checked = await check(c, typed, password.toLowerCase());
    expect(checked.statusCode).toBe(200);
    const claim = checked.json().claim;
    expect(claim).toMatchObject({
      givenName: "Léa",
      email,
      documentCount: 1,
      institution: { slug: inst.slug, nameFr: inst.nameFr, nameEn: inst.nameEn, hasLogo: false },
    });
    expect(claim.claimToken.length).toBeGreaterThan(40);

    const newPassword = `my own passphrase ${uniq()}`;
    const done = await complete(c, claim.claimToken, email, newPassword);
    expect(done.statusCode).toBe(201);
    expect(done.json()).toEqual({ email });
    const inv = await invitationOf(learner);
    expect(inv).toMatchObject({ status: "claimed", codeHash: null, passwordHash: null });
    expect(inv?.claimedAt).toBeInstanceOf(Date);
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "learner_invitation.claimed",
      limit: 50,
    });
    expect(events.some((e) => e.targetId === learner.id)).toBe(true);

    // Not active yet: signing in brings a new activation link instead of a session.
    const early = await c.signIn(email, newPassword);
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe("email_not_verified");
    expect(c.sessionCookie).toBeUndefined();

    // The second link replaced the first.
    const stale = tokenFromLink(linkIn(await nthMail(email, "Activez votre compte", 1), "/activate#token="));
    const mail = await nthMail(email, "Activez votre compte", 2);
    const token = tokenFromLink(linkIn(mail, "/activate#token="));
    if (stale !== token)
      expect((await c.post("/api/v1/claims/activate", { token: stale })).statusCode).toBe(404);
    const activated = await c.post("/api/v1/claims/activate", { token });
    expect(activated.statusCode).toBe(200);
    expect(activated.json().user).toMatchObject({ email, memberships: [] });
    expect(c.sessionCookie).toBeTruthy();

    const wallet = await c.get("/api/v1/wallet/documents");
    expect(wallet.statusCode).toBe(200);
    expect(wallet.json().documents).toEqual([
      {
        id: document.id,
        title: document.title,
        issueDate: document.issueDate,
        status: "active",
        revokedAt: null,
        supersededBy: null,
        institution: { slug: inst.slug, nameFr: inst.nameFr, nameEn: inst.nameEn },
        documentType: { nameFr: type.nameFr, nameEn: type.nameEn },
        access: { unlocked: true, unlockFeeCents: 0, currency: "CAD", downloadAllowed: true },
      },
    ]);
    // Later, the password works for signing in.
    const again = new TestClient(t.app);
    expect((await again.signIn(email, newPassword)).statusCode).toBe(200);
  });

  it("gives one answer to a wrong code, a wrong password, an expired code and a claimed code", async () => {
    const a = await invited();
    const b = await invited();
    const c = new TestClient(t.app);
    const answers = [
      await check(c, `${a.code.slice(0, 25)}${a.code.endsWith("0") ? "1" : "0"}`, a.password),
      await check(c, a.code, "AAAA-BBBB-CCCC"),
      await check(c, "", a.password),
    ];
    // Claimed: b's code worked once, then never again.
    const ok = await check(c, b.code, b.password);
    expect((await complete(c, ok.json().claim.claimToken, `b-${uniq()}@home.test`)).statusCode).toBe(201);
    answers.push(await check(c, b.code, b.password));
    // Expired: a's code, right password, after its expiry date.
    t.clock.advance(61 * DAY_MS);
    try {
      answers.push(await check(c, a.code, a.password));
    } finally {
      t.clock.advance(-61 * DAY_MS);
    }
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("claim_invalid");
      expect(res.json().error.message).toEqual(answers[0]?.json().error.message);
    }
  });

  it("locks a code after 5 wrong passwords, even for the right one, until staff send a new code", async () => {
    const { learner, email, code, password } = await invited();
    const c = new TestClient(t.app);
    const beforeResend = (await check(c, code, password)).json().claim.claimToken as string;
    for (let i = 0; i < 5; i++) {
      const res = await check(c, code, `WRNG-PASS-00${i}0`);
      expect(res.json().error.code).toBe("claim_invalid");
    }
    const locked = await check(c, code, password);
    expect(locked.statusCode).toBe(400);
    expect(locked.json().error.code).toBe("claim_invalid");
    expect((await invitationOf(learner))?.failedAttempts).toBeGreaterThanOrEqual(5);

    const admin = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    expect(
      (await admin.post(`/api/v1/institutions/${inst.slug}/learners/${learner.id}/invitation/resend`))
        .statusCode,
    ).toBe(200);
    const fresh = /#code=([0-9A-Z]+)/.exec((await nthMail(email, "vous attendent", 2)).text)?.[1] as string;
    const freshPassword = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(
      (await nthMail(email, "mot de passe", 2)).text,
    )?.[1] as string;
    expect(fresh).not.toBe(code);
    // A claim token from the old code is worthless once a new code is sent.
    expect((await complete(c, beforeResend, email)).json().error.code).toBe("claim_token_invalid");
    expect((await check(c, code, password)).json().error.code).toBe("claim_invalid");
    expect((await check(c, fresh, freshPassword)).statusCode).toBe(200);
  });

  it("refuses a tampered, replayed or expired claim token, a taken email, and a replayed activation link", async () => {
    const { learner, email, code, password } = await invited();
    const c = new TestClient(t.app);
    const first = (await check(c, code, password)).json().claim.claimToken as string;
    const second = (await check(c, code, password)).json().claim.claimToken as string;
    // A tampered token.
    const [payload, mac] = first.split(".");
    const forged = await complete(c, `${payload}x.${mac}`, `f-${uniq()}@home.test`);
    expect(forged.json().error.code).toBe("claim_token_invalid");
    // A short password is refused and the claim stays open.
    const weak = await complete(c, first, email, "short");
    expect(weak.json().error.code).toBe("password_too_short");
    expect((await invitationOf(learner))?.status).toBe("sent");
    // An email that already has an account is refused with a clear message.
    const existing = await makeUser(t.core, { email: `Taken-${uniq()}@home.test` });
    const taken = await complete(c, first, existing.email.toLowerCase());
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("email_taken");

    expect((await complete(c, first, email)).statusCode).toBe(201);
    const replay = await complete(c, first, `r-${uniq()}@home.test`);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe("claim_token_invalid");
    expect((await complete(c, second, `s-${uniq()}@home.test`)).json().error.code).toBe(
      "claim_token_invalid",
    );
    // An expired claim token (30 minutes).
    const other = await invited();
    const late = (await check(c, other.code, other.password)).json().claim.claimToken as string;
    t.clock.advance(31 * 60 * 1000);
    try {
      expect((await complete(c, late, other.email)).json().error.code).toBe("claim_token_invalid");
    } finally {
      t.clock.advance(-31 * 60 * 1000);
    }

    const mail = await t.waitForMail(email, "Activez votre compte");
    const token = tokenFromLink(linkIn(mail, "/activate#token="));
    expect((await new TestClient(t.app).post("/api/v1/claims/activate", { token })).statusCode).toBe(200);
    const replayed = await new TestClient(t.app).post("/api/v1/claims/activate", { token });
    expect(replayed.statusCode).toBe(404);
    expect(replayed.json().error.code).toBe("activation_link_invalid");
  });

  it("shows each learner only their own documents; anonymous callers get 401", async () => {
    const mine = await invited("en");
    const theirs = await invited();
    const c = new TestClient(t.app);
    const ok = await check(c, mine.code, mine.password);
    await complete(c, ok.json().claim.claimToken, mine.email);
    const mail = await t.waitForMail(mine.email, "Activate your Sceau account");
    await c.post("/api/v1/claims/activate", { token: tokenFromLink(linkIn(mail, "/activate#token=")) });
    const ids = (await c.get("/api/v1/wallet/documents")).json().documents.map((d: { id: string }) => d.id);
    expect(ids).toEqual([mine.document.id]);
    expect(ids).not.toContain(theirs.document.id);
    // Staff of the institution have no wallet of its documents either.
    const staff = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
    expect((await staff.get("/api/v1/wallet/documents")).json().documents).toEqual([]);
    const anonymous = await new TestClient(t.app).get("/api/v1/wallet/documents");
    expect(anonymous.statusCode).toBe(401);
  });

  it("changes nothing when a claim fails", async () => {
    const { code } = await invited();
    await t.runtime.startWorker().idle();
    const before = await snapshotDatabase(t.runtime.database);
    const c = new TestClient(t.app);
    expect((await complete(c, "not.a-token", `x-${uniq()}@home.test`)).statusCode).toBe(400);
    expect((await check(c, `${code.slice(0, 20)}ZZZZZZ`, "AAAA-BBBB-CCCC")).statusCode).toBe(400);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });
});
