import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { linkIn, startTestApp, type TestApp, tokenFromLink } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const PNG_1x1 = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a7b5a90000000049454e44ae426082",
  "hex",
);

describe.each(BACKENDS)("institutions, staff and invitations on %s", (backend) => {
  let t: TestApp;
  let operator: TestClient;
  beforeAll(async () => {
    t = await startTestApp(backend);
    const op = await makeUser(t.core, { operator: true });
    operator = new TestClient(t.app);
    expect((await operator.signIn(op.email, op.password)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newInstitution = (slug = `college-${uniq()}`) => ({
    slug,
    nameFr: "Cégep du Vieux-Port",
    nameEn: "Old Port College",
    emailDomain: "vieuxport.example.ca",
    primaryColor: "#1F3A5F",
    accentColor: "#b8860b",
  });

  it("lets the operator create, list and edit an institution", async () => {
    const body = newInstitution();
    const created = await operator.post("/api/v1/institutions", body);
    expect(created.statusCode).toBe(201);
    expect(created.json().institution).toMatchObject({
      slug: body.slug,
      primaryColor: "#1f3a5f",
      hasLogo: false,
    });
    const list = await operator.get("/api/v1/institutions");
    expect(list.json().institutions.map((i: { slug: string }) => i.slug)).toContain(body.slug);
    const edited = await operator.patch(`/api/v1/institutions/${body.slug}`, {
      nameEn: "Old Port College of Montréal",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().institution.nameEn).toBe("Old Port College of Montréal");
    const dup = await operator.post("/api/v1/institutions", body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("slug_taken");
  });

  it("explains every invalid field in both languages", async () => {
    const res = await operator.post("/api/v1/institutions", {
      ...newInstitution("Bad Slug!"),
      emailDomain: "not a domain",
      primaryColor: "#ffffff",
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as { path: string; message: { fr: string; en: string } }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["emailDomain", "primaryColor", "slug"]);
    for (const i of issues)
      expect(i.message.fr && i.message.en && i.message.fr !== i.message.en).toBeTruthy();
  });

  it("stores a logo only when its bytes are a real image, and serves it", async () => {
    const { slug } = (await operator.post("/api/v1/institutions", newInstitution())).json().institution;
    const svg = await operator.put(
      `/api/v1/institutions/${slug}/logo`,
      Buffer.from("<svg onload=alert(1)>"),
      "image/png",
    );
    expect(svg.statusCode).toBe(415);
    const big = await operator.put(
      `/api/v1/institutions/${slug}/logo`,
      Buffer.alloc(300 * 1024, 1),
      "image/png",
    );
    expect(big.statusCode).toBe(413);
    const ok = await operator.put(`/api/v1/institutions/${slug}/logo`, PNG_1x1, "image/png");
    expect(ok.statusCode).toBe(200);
    expect(ok.json().institution.hasLogo).toBe(true);
    const logo = await t.app.inject({ method: "GET", url: `/api/v1/institutions/${slug}/logo` });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers["content-type"]).toBe("image/png");
    expect(logo.rawPayload.equals(PNG_1x1)).toBe(true);
    const removed = await operator.delete(`/api/v1/institutions/${slug}/logo`);
    expect(removed.json().institution.hasLogo).toBe(false);
  });

  it("invites an administrator who sets a password, is signed in, and invites an issuer", async () => {
    const { slug, nameFr } = (await operator.post("/api/v1/institutions", newInstitution())).json()
      .institution;
    const adminEmail = `registraire-${uniq()}@vieuxport.example.ca`;
    const inv = await operator.post(`/api/v1/institutions/${slug}/invitations`, {
      email: adminEmail,
      role: "institution_admin",
    });
    expect(inv.statusCode).toBe(201);
    expect(inv.json().invitation).toMatchObject({ email: adminEmail, status: "pending" });

    const mail = await t.waitForMail(adminEmail, "Invitation");
    expect(mail.subject).toContain(nameFr);
    expect(mail.html).toContain("#1f3a5f");
    expect(mail.text).toMatch(/Accepter l'invitation[\s\S]*Accept the invitation/);
    const token = tokenFromLink(linkIn(mail, "/invitation#token="));

    const admin = new TestClient(t.app);
    const preview = await admin.post("/api/v1/invitations/lookup", { token });
    expect(preview.json().invitation).toMatchObject({
      email: adminEmail,
      role: "institution_admin",
      accountExists: false,
    });
    const accepted = await admin.post("/api/v1/invitations/accept", {
      token,
      displayName: "Marie Tremblay",
      password: "une phrase de passe",
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.memberships[0]).toMatchObject({
      role: "institution_admin",
      institution: { slug },
    });
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
    // The link works once.
    expect((await new TestClient(t.app).post("/api/v1/invitations/lookup", { token })).statusCode).toBe(404);

    // The new admin invites an issuer and sees the staff list.
    const issuerEmail = `emetteur-${uniq()}@vieuxport.example.ca`;
    expect(
      (await admin.post(`/api/v1/institutions/${slug}/invitations`, { email: issuerEmail, role: "issuer" }))
        .statusCode,
    ).toBe(201);
    const staff = (await admin.get(`/api/v1/institutions/${slug}/staff`)).json();
    expect(staff.staff.map((s: { email: string }) => s.email)).toEqual([adminEmail]);
    expect(staff.invitations.map((i: { email: string }) => i.email)).toEqual([issuerEmail]);
  });

  it("adds an existing account to a second institution after checking its password", async () => {
    const a = (await operator.post("/api/v1/institutions", newInstitution())).json().institution;
    const existing = await makeUser(t.core);
    await operator.post(`/api/v1/institutions/${a.slug}/invitations`, {
      email: existing.email,
      role: "institution_admin",
    });
    const token = tokenFromLink(
      linkIn(await t.waitForMail(existing.email, "Invitation"), "/invitation#token="),
    );
    const c = new TestClient(t.app);
    expect((await c.post("/api/v1/invitations/lookup", { token })).json().invitation.accountExists).toBe(
      true,
    );
    const wrong = await c.post("/api/v1/invitations/accept", { token, password: "wrong password" });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.post("/api/v1/invitations/accept", { token, password: existing.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.id).toBe(existing.user.id);
  });

  it("refuses expired, cancelled and resent-over invitation links", async () => {
    const { slug } = (await operator.post("/api/v1/institutions", newInstitution())).json().institution;
    const email = `late-${uniq()}@example.test`;
    const inv = (
      await operator.post(`/api/v1/institutions/${slug}/invitations`, { email, role: "institution_admin" })
    ).json().invitation;
    const first = tokenFromLink(linkIn(await t.waitForMail(email, "Invitation"), "/invitation#token="));
    const resent = await operator.post(`/api/v1/institutions/${slug}/invitations/${inv.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect((await operator.post("/api/v1/invitations/lookup", { token: first })).statusCode).toBe(404);
    const msgs = (await t.mail.list()).filter((m) => m.to === email);
    expect(msgs).toHaveLength(2);
    const newest = await t.mail.get(msgs[0]?.id ?? "");
    if (!newest) throw new Error("resent invitation not found");
    const second = tokenFromLink(linkIn(newest, "/invitation#token="));
    t.clock.advance(8 * 24 * 3600 * 1000);
    const expired = await new TestClient(t.app).post("/api/v1/invitations/accept", {
      token: second,
      displayName: "X",
      password: "long enough pw",
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.code).toBe("invitation_invalid");
    t.clock.advance(-8 * 24 * 3600 * 1000);
    expect((await operator.delete(`/api/v1/institutions/${slug}/invitations/${inv.id}`)).statusCode).toBe(
      204,
    );
    const cancelled = await new TestClient(t.app).post("/api/v1/invitations/lookup", { token: second });
    expect(cancelled.statusCode).toBe(404);
    expect(await t.core.stores.users.findByEmail(email)).toBeNull();
  });

  it("lets only the operator list users, and disabling ends the user's sessions", async () => {
    const inst = await makeInstitution(t.core);
    const u = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const list = await operator.get(`/api/v1/users?q=${encodeURIComponent(u.email)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1 });
    expect(list.json().users[0].memberships[0].institution.slug).toBe(inst.slug);
    expect((await c.get("/api/v1/users")).statusCode).toBe(404);

    const disabled = await operator.post(`/api/v1/users/${u.user.id}/disable`);
    expect(disabled.json().user.status).toBe("disabled");
    expect((await c.get("/api/v1/auth/me")).statusCode).toBe(401);
    const again = await new TestClient(t.app).signIn(u.email, u.password);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe("account_disabled");
    expect((await operator.post(`/api/v1/users/${u.user.id}/enable`)).json().user.status).toBe("active");
    expect((await new TestClient(t.app).signIn(u.email, u.password)).statusCode).toBe(200);
  });

  it("does not let an admin remove themself or the operator disable themself", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await makeUser(t.core, { institutionId: inst.id });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, admin.password);
    const staff = (await c.get(`/api/v1/institutions/${inst.slug}/staff`)).json().staff;
    const res = await c.delete(`/api/v1/institutions/${inst.slug}/staff/${staff[0].membershipId}`);
    expect(res.statusCode).toBe(409);
    const me = (await operator.get("/api/v1/auth/me")).json().user;
    expect((await operator.post(`/api/v1/users/${me.id}/disable`)).statusCode).toBe(409);
  });
});
