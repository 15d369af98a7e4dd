import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { linkIn, startTestApp, type TestApp, tokenFromLink } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const HOUR_MS = 3_600_000;

describe.each(BACKENDS)("account emails, recovery and common passwords on %s", (backend) => {
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

  /** A signed-in user whose primary address is at the institution's email domain. */
  const institutionalUser = async () => {
    const u = await makeUser(t.core, { email: `etu-${uniq()}@${inst.emailDomain}` });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { ...u, c };
  };
  const confirmToken = async (to: string) =>
    tokenFromLink(linkIn(await t.waitForMail(to, "Confirm this email"), "/confirm-email#token="));
  const addAndConfirm = async (c: TestClient, email: string) => {
    expect((await c.post("/api/v1/auth/emails", { email })).statusCode).toBe(201);
    const confirmed = await c.post("/api/v1/auth/emails/confirm", { token: await confirmToken(email) });
    expect(confirmed.statusCode).toBe(200);
    return confirmed.json();
  };
  const auditActions = async () =>
    (await t.core.stores.audit.list({ institutionId: null, limit: 200 })).map((e) => e.action);

  it("adds an address, confirms it from the email, then signs in with it; warns while only institutional addresses are left", async () => {
    const u = await institutionalUser();
    const before = await u.c.get("/api/v1/auth/emails");
    expect(before.json()).toEqual({
      emails: [{ id: null, email: u.email, primary: true, verified: true, institutional: true }],
      onlyInstitutional: true,
    });
    const personal = `Perso-${uniq()}@home.test`;
    const added = await u.c.post("/api/v1/auth/emails", { email: personal });
    expect(added.statusCode).toBe(201);
    expect(added.json().emails[1]).toMatchObject({ email: personal, verified: false, primary: false });
    // Unconfirmed, it counts for nothing: no sign-in, and the warning stays.
    expect(added.json().onlyInstitutional).toBe(true);
    expect((await new TestClient(t.app).signIn(personal, u.password)).statusCode).toBe(401);

    const mail = await t.waitForMail(personal, "Confirm this email");
    expect(mail.subject).toContain("Confirmez cette adresse");
    const confirmed = await u.c.post("/api/v1/auth/emails/confirm", {
      token: tokenFromLink(linkIn(mail, "/confirm-email#token=")),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().emails[1]).toMatchObject({
      email: personal,
      verified: true,
      institutional: false,
    });
    expect(confirmed.json().onlyInstitutional).toBe(false);
    // Any case signs in.
    const other = new TestClient(t.app);
    expect((await other.signIn(personal.toUpperCase(), u.password)).statusCode).toBe(200);
    const actions = await auditActions();
    expect(actions).toContain("user_email.added");
    expect(actions).toContain("user_email.verified");
  });

  it("refuses a reused, an expired or another account's confirmation link (404), and the owner's link still works", async () => {
    const u = await institutionalUser();
    const first = `first-${uniq()}@home.test`;
    await u.c.post("/api/v1/auth/emails", { email: first });
    const token = await confirmToken(first);
    // Another signed-in user holding the link gets 404 and spends nothing.
    const outsider = await signedInClient(t);
    const stolen = await outsider.post("/api/v1/auth/emails/confirm", { token });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe("email_link_invalid");
    expect((await new TestClient(t.app).post("/api/v1/auth/emails/confirm", { token })).statusCode).toBe(401);
    expect((await u.c.post("/api/v1/auth/emails/confirm", { token })).statusCode).toBe(200);
    const reused = await u.c.post("/api/v1/auth/emails/confirm", { token });
    expect(reused.statusCode).toBe(404);
    expect(reused.json().error.code).toBe("email_link_invalid");
    // A tampered row id breaks the hash.
    const [, random] = token.split(".");
    const forged = await u.c.post("/api/v1/auth/emails/confirm", {
      token: `${crypto.randomUUID()}.${random}`,
    });
    expect(forged.statusCode).toBe(404);

    const late = `late-${uniq()}@home.test`;
    await u.c.post("/api/v1/auth/emails", { email: late });
    const lateToken = await confirmToken(late);
    t.clock.advance(25 * HOUR_MS);
    try {
      expect((await u.c.post("/api/v1/auth/emails/confirm", { token: lateToken })).statusCode).toBe(404);
    } finally {
      t.clock.advance(-25 * HOUR_MS);
    }
  });

  it("refuses an address another account uses with one answer that names no account", async () => {
    const owner = await makeUser(t.core);
    const confirmedElsewhere = await institutionalUser();
    const theirs = `theirs-${uniq()}@home.test`;
    await addAndConfirm(confirmedElsewhere.c, theirs);
    const u = await institutionalUser();
    const asPrimary = await u.c.post("/api/v1/auth/emails", { email: owner.email.toUpperCase() });
    const asSecondary = await u.c.post("/api/v1/auth/emails", { email: theirs });
    expect(asPrimary.statusCode).toBe(409);
    expect(asPrimary.json().error).toEqual({ ...asSecondary.json().error, requestId: expect.any(String) });
    expect(asPrimary.json().error.code).toBe("email_in_use");
    expect(JSON.stringify(asPrimary.json())).not.toContain(owner.email);
    const mine = await u.c.post("/api/v1/auth/emails", { email: u.email });
    expect(mine.json().error.code).toBe("email_already_yours");
    // A claim cannot create an account with an address someone signs in with either.
    expect((await t.core.stores.users.findByAnyVerifiedEmail(theirs))?.id).toBe(confirmedElsewhere.user.id);
  });

  it("makes the personal address primary, removes the institutional one, then signs in with the personal one only", async () => {
    const u = await institutionalUser();
    const personal = `keep-${uniq()}@home.test`;
    const list = await addAndConfirm(u.c, personal);
    const id = list.emails[1].id;
    const made = await u.c.post(`/api/v1/auth/emails/${id}/primary`);
    expect(made.statusCode).toBe(200);
    const emails = made.json().emails;
    expect(emails[0]).toMatchObject({ id: null, email: personal, primary: true });
    expect(emails[1]).toMatchObject({ email: u.email, primary: false, verified: true, institutional: true });
    expect((await u.c.get("/api/v1/auth/me")).json().user.email).toBe(personal);

    expect((await u.c.delete(`/api/v1/auth/emails/${emails[1].id}`)).statusCode).toBe(204);
    const after = (await u.c.get("/api/v1/auth/emails")).json();
    expect(after.emails).toHaveLength(1);
    expect(after.onlyInstitutional).toBe(false);
    expect((await new TestClient(t.app).signIn(u.email, u.password)).statusCode).toBe(401);
    expect((await new TestClient(t.app).signIn(personal, u.password)).statusCode).toBe(200);
    const actions = await auditActions();
    expect(actions).toContain("user_email.made_primary");
    expect(actions).toContain("user_email.removed");
    // An unconfirmed address cannot become primary.
    const pending = `pending-${uniq()}@home.test`;
    const added = (await u.c.post("/api/v1/auth/emails", { email: pending })).json();
    const refused = await u.c.post(`/api/v1/auth/emails/${added.emails[1].id}/primary`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("email_unverified");
  });

  it("keeps another user from removing, promoting or reading your addresses (404, nothing changed)", async () => {
    const u = await institutionalUser();
    const list = await addAndConfirm(u.c, `mine-${uniq()}@home.test`);
    const id = list.emails[1].id;
    const outsider = await signedInClient(t);
    const anonymous = new TestClient(t.app);
    const before = await snapshotDatabase(t.runtime.database);
    expect((await outsider.delete(`/api/v1/auth/emails/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/auth/emails/${id}/primary`)).statusCode).toBe(404);
    expect((await outsider.get("/api/v1/auth/emails")).json().emails).toHaveLength(1);
    expect((await anonymous.delete(`/api/v1/auth/emails/${id}`)).statusCode).toBe(401);
    expect((await anonymous.get("/api/v1/auth/emails")).statusCode).toBe(401);
    expect((await anonymous.post("/api/v1/auth/emails", { email: "x@home.test" })).statusCode).toBe(401);
    expect((await outsider.delete("/api/v1/auth/emails/not-a-uuid")).statusCode).toBe(400);
    expect((await outsider.post("/api/v1/auth/emails", { email: "not an email" })).statusCode).toBe(400);
    expect((await outsider.post("/api/v1/auth/emails", { email: "a@b.test", extra: 1 })).statusCode).toBe(
      400,
    );
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("resets the password through a secondary address: the link goes to the address asked for", async () => {
    const u = await institutionalUser();
    const personal = `reset-${uniq()}@home.test`;
    await addAndConfirm(u.c, personal);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.post("/api/v1/auth/password-reset", { email: personal })).statusCode).toBe(202);
    const mail = await t.waitForMail(personal, "Reset your password");
    const token = tokenFromLink(linkIn(mail, "/reset-password#token="));
    const common = await anonymous.post("/api/v1/auth/password-reset/complete", {
      token,
      password: "Password1",
    });
    expect(common.json().error.code).toBe("password_too_common");
    const fresh = `a fresh passphrase ${uniq()}`;
    expect(
      (await anonymous.post("/api/v1/auth/password-reset/complete", { token, password: fresh })).statusCode,
    ).toBe(204);
    expect((await anonymous.signIn(personal, fresh)).statusCode).toBe(200);
    expect(await auditActions()).toContain("user.password_reset");
    // An unconfirmed address gets no link.
    const unconfirmed = `unconfirmed-${uniq()}@home.test`;
    await u.c.post("/api/v1/auth/emails", { email: unconfirmed });
    await anonymous.post("/api/v1/auth/password-reset", { email: unconfirmed });
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.mail.list()).some((m) => m.to === unconfirmed && m.subject.includes("Reset"))).toBe(
      false,
    );
  });

  it("refuses a common password, whatever its case, wherever one is chosen", async () => {
    expect(t.core.commonPasswords.size).toBeGreaterThan(10_000);
    for (const pw of ["PASSWORD1", "motdepasse123", "Azertyuiop", "hiver2024", "canadiens"])
      expect(t.core.commonPasswords.includes(pw), pw).toBe(true);
    expect(t.core.commonPasswords.includes(`correct horse ${uniq()}`)).toBe(false);
    // Password change.
    const u = await institutionalUser();
    const changed = await u.c.post("/api/v1/auth/password", {
      currentPassword: u.password,
      newPassword: "PassWord123",
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error).toMatchObject({ code: "password_too_common" });
    expect(changed.json().error.message.fr).toContain("courants");
    const ok = await u.c.post("/api/v1/auth/password", {
      currentPassword: u.password,
      newPassword: `une phrase ${uniq()}`,
    });
    expect(ok.statusCode).toBe(204);
    expect(await auditActions()).toContain("user.password_changed");
    // Staff invitation acceptance.
    const admin = await signedInClient(t, { institutionId: inst.id });
    const staffEmail = `staff-${uniq()}@home.test`;
    await admin.post(`/api/v1/institutions/${inst.slug}/invitations`, { email: staffEmail, role: "issuer" });
    const invite = tokenFromLink(linkIn(await t.waitForMail(staffEmail, "Invitation"), "/invitation#token="));
    const accept = await new TestClient(t.app).post("/api/v1/invitations/accept", {
      token: invite,
      displayName: "Personnel",
      password: "qwertyuiop",
    });
    expect(accept.json().error.code).toBe("password_too_common");
    // Claim (account creation).
    const { code, password } = await invited(`claim-${uniq()}@home.test`);
    const c = new TestClient(t.app);
    const claimToken = (await c.post("/api/v1/claims/check", { code, password })).json().claim.claimToken;
    const claim = await c.post("/api/v1/claims/complete", {
      claimToken,
      email: `claim-${uniq()}@home.test`,
      password: "MotDePasse2024",
      acceptTerms: true,
      locale: "fr",
    });
    expect(claim.json().error.code).toBe("password_too_common");
  });

  /** A learner of `institution` with a document issued, and the access code and password they were emailed. */
  async function invited(email: string, institution = inst, docType = type) {
    const learner = await makeLearner(t.core, institution, { personalEmail: email, locale: "en" });
    await makeDocument(t.core, institution, { learner, type: docType, title: `Diploma ${uniq()}` });
    const codeMail = await t.waitForMail(email, "are waiting");
    const passwordMail = await t.waitForMail(email, "claim password");
    const code = /#code=([0-9A-Z]+)/.exec(codeMail.text)?.[1] as string;
    const password = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(passwordMail.text)?.[1] as string;
    return { learner, code, password };
  }

  it("claims into an existing account ('I already have an account'), then a second institution's documents into the same one", async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const c = new TestClient(t.app);
    const first = await invited(`a-${uniq()}@home.test`);
    const checked = await c.post("/api/v1/claims/check", { code: first.code, password: first.password });
    const claimToken = checked.json().claim.claimToken;
    // Signed out: 401, nothing claimed.
    expect((await c.post("/api/v1/claims/attach", { claimToken })).statusCode).toBe(401);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    const attached = await c.post("/api/v1/claims/attach", { claimToken });
    expect(attached.statusCode).toBe(200);
    expect(attached.json()).toEqual({ institutionSlug: inst.slug });
    expect(await t.core.stores.learners.linkedUserId(first.learner.id)).toBe(u.user.id);
    expect((await t.core.stores.learnerInvitations.findByLearners([first.learner.id]))[0]).toMatchObject({
      status: "claimed",
      codeHash: null,
    });
    // The token works once.
    expect((await c.post("/api/v1/claims/attach", { claimToken })).json().error.code).toBe(
      "claim_token_invalid",
    );
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "learner_invitation.claimed",
      limit: 50,
    });
    expect(events.find((e) => e.targetId === first.learner.id)?.details).toMatchObject({
      userId: u.user.id,
      existingAccount: true,
    });

    const second = await makeInstitution(t.core);
    const secondType = await makeDocumentType(t.core, second);
    const other = await invited(`b-${uniq()}@home.test`, second, secondType);
    const token2 = (
      await c.post("/api/v1/claims/check", { code: other.code, password: other.password })
    ).json().claim.claimToken;
    expect((await c.post("/api/v1/claims/attach", { claimToken: token2 })).statusCode).toBe(200);
    const wallet = (await c.get("/api/v1/wallet/documents")).json().documents;
    expect(new Set(wallet.map((d: { institution: { slug: string } }) => d.institution.slug))).toEqual(
      new Set([inst.slug, second.slug]),
    );
  });

  it("lets staff send a new code after a claim whose account was never activated (mistyped email), not after one that works", async () => {
    const admin = await signedInClient(t, { institutionId: inst.id });
    const learnerEmail = `typo-${uniq()}@home.test`;
    const { learner, code, password } = await invited(learnerEmail);
    const c = new TestClient(t.app);
    const claimToken = (await c.post("/api/v1/claims/check", { code, password })).json().claim.claimToken;
    const typo = `typo-${uniq()}@hoem.test`;
    const created = await c.post("/api/v1/claims/complete", {
      claimToken,
      email: typo,
      password: `pass phrase ${uniq()}`,
      acceptTerms: true,
      locale: "en",
    });
    expect(created.statusCode).toBe(201);
    const strayLink = tokenFromLink(linkIn(await t.waitForMail(typo, "Activate"), "/activate#token="));
    const resend = `/api/v1/institutions/${inst.slug}/learners/${learner.id}/invitation/resend`;
    const resent = await admin.post(resend);
    expect(resent.statusCode).toBe(200);
    // The stray account no longer holds the documents, and its activation link is dead.
    expect(await t.core.stores.learners.linkedUserId(learner.id)).toBeNull();
    expect((await c.post("/api/v1/claims/activate", { token: strayLink })).statusCode).toBe(404);
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "learner_invitation.resent",
      limit: 50,
    });
    expect(events.find((e) => e.targetId === learner.id)?.details).toMatchObject({
      previousStatus: "claimed",
    });

    // The new code claims into a working account; after that, resend is refused.
    const u = await makeUser(t.core);
    const signed = new TestClient(t.app);
    await signed.signIn(u.email, u.password);
    const fresh = await (async () => {
      for (let i = 0; i < 100; i++) {
        const inv = (await t.core.stores.learnerInvitations.findByLearners([learner.id]))[0];
        if (inv?.status === "sent" && inv.codeHash) return inv;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("not sent again");
    })();
    expect(fresh.status).toBe("sent");
    const newest = async (part: string) => {
      const found = (await t.mail.list()).filter((m) => m.to === learnerEmail && m.subject.includes(part));
      expect(found.length).toBeGreaterThanOrEqual(2);
      return (await t.mail.get(found[0]?.id as string))?.text ?? "";
    };
    await t.waitForMail(learnerEmail, "are waiting");
    let code2 = "";
    let password2 = "";
    for (let i = 0; i < 100 && !(code2 && password2); i++) {
      const texts = await Promise.all([newest("are waiting"), newest("claim password")]).catch(() => [
        "",
        "",
      ]);
      code2 = /#code=([0-9A-Z]+)/.exec(texts[0] ?? "")?.[1] ?? "";
      password2 = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(texts[1] ?? "")?.[1] ?? "";
      if (code2 === code) code2 = "";
      if (!(code2 && password2)) await new Promise((r) => setTimeout(r, 50));
    }
    const token2 = (await signed.post("/api/v1/claims/check", { code: code2, password: password2 })).json()
      .claim.claimToken;
    expect((await signed.post("/api/v1/claims/attach", { claimToken: token2 })).statusCode).toBe(200);
    const refused = await admin.post(resend);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("invitation_already_claimed");
  });

  describe("account enumeration", () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const timed = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };

    it("answers sign-in the same, in similar time, for a known address with a wrong password and an unknown one", async () => {
      const u = await makeUser(t.core);
      const c = new TestClient(t.app);
      const known = await c.signIn(u.email, "wrong password here");
      const unknown = await c.signIn(`nobody-${uniq()}@home.test`, "wrong password here");
      expect(known.statusCode).toBe(unknown.statusCode);
      expect(known.json().error).toEqual({ ...unknown.json().error, requestId: expect.any(String) });
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A fresh address each time, so the per-address back-off never starts.
        const k = await makeUser(t.core);
        a.push(await timed(() => c.signIn(k.email, "wrong password here")));
        b.push(await timed(() => c.signIn(`nobody-${uniq()}@home.test`, "wrong password here")));
      }
      // Both verify an argon2id hash (a decoy for unknown addresses): neither is several times the other.
      expect(median(a)).toBeLessThan(median(b) * 3 + 20);
      expect(median(b)).toBeLessThan(median(a) * 3 + 20);
    });

    it("answers a reset request the same, in similar time, whether or not the address exists", async () => {
      const u = await makeUser(t.core);
      const c = new TestClient(t.app);
      const known = await c.post("/api/v1/auth/password-reset", { email: u.email });
      const unknown = await c.post("/api/v1/auth/password-reset", { email: `nobody-${uniq()}@home.test` });
      expect(known.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 5; i++) {
        a.push(await timed(() => c.post("/api/v1/auth/password-reset", { email: u.email })));
        b.push(await timed(() => c.post("/api/v1/auth/password-reset", { email: `x-${uniq()}@home.test` })));
      }
      expect(median(a)).toBeLessThan(median(b) * 3 + 20);
      expect(median(b)).toBeLessThan(median(a) * 3 + 20);
    });
  });
});
