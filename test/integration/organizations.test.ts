import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, signedInClient, uniq } from "../support/factories.ts";
import { makeOrganizationShare } from "../support/organization-fixtures.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe.each(BACKENDS)("organizations on %s", (backend) => {
  let t: TestApp;
  let operator: TestClient;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await signedInClient(t, { operator: true });
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fields = (slug: string, over: Record<string, unknown> = {}) => ({
    slug,
    nameFr: `Ordre des infirmières ${slug}`,
    nameEn: `Order of Nurses ${slug}`,
    kind: "licensing",
    country: "ca",
    contactEmail: `contact-${slug}@org.test`,
    ...over,
  });
  const createOrg = async (over: Record<string, unknown> = {}) => {
    const slug = `org-${uniq()}`;
    const res = await operator.post("/api/v1/operator/organizations", fields(slug, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().organization as { id: string; slug: string };
  };
  /** A signed-in member of the organization with this role. */
  const staffOf = async (org: { id: string }, role: "organization_admin" | "reviewer" = "reviewer") => {
    const u = await makeUser(t.core);
    await t.core.stores.memberships.add({
      userId: u.user.id,
      role,
      institutionId: null,
      organizationId: org.id,
    });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    return { client: c, user: u.user };
  };
  /** A learner account with two issued documents, shared with the organization. */
  const sharedWith = async (
    org: { id: string },
    options: { receivedAt?: Date; downloadAllowed?: boolean } = {},
  ) => {
    const owner = await makeUser(t.core);
    const learner = await makeLearner(t.core, inst, { givenName: "Émilie" });
    const a = await makeDocument(t.core, inst, { learner, type, title: `Diplôme d'études ${uniq()}` });
    const b = await makeDocument(t.core, inst, { learner, type, title: `Relevé ${uniq()}` });
    const { shareId } = await makeOrganizationShare(
      { core: t.core, database: t.runtime.database },
      {
        userId: owner.user.id,
        organizationId: org.id,
        documentIds: [a.document.id, b.document.id],
        ...options,
      },
    );
    return { shareId, owner, docs: [a, b] };
  };

  it("keeps a directory: create, edit, archive, logo sniffed, folded search for learners without contact emails", async () => {
    const org = await createOrg({ nameFr: `Hôpital Général ${uniq()}`, kind: "employer" });
    expect(org).toMatchObject({ country: "CA", kind: "employer", hasLogo: false, archivedAt: null });
    expect((await operator.post("/api/v1/operator/organizations", fields(org.slug))).statusCode).toBe(409);
    expect(
      (await operator.post("/api/v1/operator/organizations", fields(`x-${uniq()}`, { kind: "club" })))
        .statusCode,
    ).toBe(400);
    expect(
      (await operator.post("/api/v1/operator/organizations", fields(`x-${uniq()}`, { country: "CAN" })))
        .statusCode,
    ).toBe(400);

    expect(
      (await operator.put(`/api/v1/operator/organizations/${org.slug}/logo`, SVG, "image/png")).statusCode,
    ).toBe(415);
    const logo = await operator.put(`/api/v1/operator/organizations/${org.slug}/logo`, PNG, "image/png");
    expect(logo.json().organization.hasLogo).toBe(true);
    const image = await new TestClient(t.app).get(`/api/v1/organizations/${org.slug}/logo`);
    expect(image.headers["content-type"]).toBe("image/png");

    const learner = await signedInClient(t);
    const found = await learner.get(`/api/v1/organizations?q=${encodeURIComponent("HOPITAL general")}`);
    expect(found.statusCode).toBe(200);
    const entry = found.json().organizations.find((o: { id: string }) => o.id === org.id);
    expect(entry).toEqual({
      id: org.id,
      slug: org.slug,
      nameFr: expect.stringContaining("Hôpital"),
      nameEn: expect.any(String),
      kind: "employer",
      country: "CA",
      logoUrl: `/api/v1/organizations/${org.slug}/logo`,
    });
    expect(found.body).not.toContain("contact-");

    const edited = await operator.patch(`/api/v1/operator/organizations/${org.slug}`, {
      nameEn: "Renamed Hospital",
    });
    expect(edited.json().organization.nameEn).toBe("Renamed Hospital");
    const archived = await operator.patch(`/api/v1/operator/organizations/${org.slug}`, { archived: true });
    expect(archived.json().organization.archivedAt).not.toBeNull();
    const after = await learner.get(`/api/v1/organizations?q=${org.slug}`);
    expect(after.json().organizations).toEqual([]);
    const all = await operator.get(`/api/v1/operator/organizations?q=${org.slug}`);
    expect(all.json().organizations[0]).toMatchObject({ id: org.id, contactEmail: expect.any(String) });
    expect((await new TestClient(t.app).get(`/api/v1/organizations/${org.slug}/logo`)).statusCode).toBe(404);
  });

  it("lets a learner search but never edit; anonymous callers get 401; nothing changes", async () => {
    const org = await createOrg();
    const learner = await signedInClient(t);
    const anon = new TestClient(t.app);
    const before = await snapshotDatabase(t.runtime.database);
    for (const c of [learner, anon]) {
      const expected = c === anon ? 401 : 404;
      expect((await c.post("/api/v1/operator/organizations", fields(`y-${uniq()}`))).statusCode).toBe(
        expected,
      );
      expect((await c.patch(`/api/v1/operator/organizations/${org.slug}`, { nameFr: "X" })).statusCode).toBe(
        expected,
      );
      expect(
        (await c.put(`/api/v1/operator/organizations/${org.slug}/logo`, PNG, "image/png")).statusCode,
      ).toBe(expected);
      expect((await c.get("/api/v1/operator/organizations")).statusCode).toBe(expected);
      expect((await c.get(`/api/v1/organizations/${org.slug}/staff`)).statusCode).toBe(expected);
      expect(
        (
          await c.post(`/api/v1/organizations/${org.slug}/invitations`, {
            email: "a@b.test",
            role: "reviewer",
          })
        ).statusCode,
      ).toBe(expected);
    }
    expect((await anon.get("/api/v1/organizations?q=x")).statusCode).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("invites an admin who invites a reviewer; accepting signs in; an existing account joins with its password; the link works once; staff can be removed", async () => {
    const org = await createOrg();
    const adminEmail = `admin-${uniq()}@org.test`;
    const invite = await operator.post(`/api/v1/organizations/${org.slug}/invitations`, {
      email: adminEmail,
      role: "organization_admin",
      locale: "en",
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const mail = await t.waitForMail(adminEmail, "Invitation");
    const token = /#token=([^\s"<]+)/.exec(mail.text)?.[1] as string;
    const admin = new TestClient(t.app);
    const preview = await admin.post("/api/v1/organization-invitations/lookup", { token });
    expect(preview.json().invitation).toMatchObject({
      email: adminEmail,
      role: "organization_admin",
      accountExists: false,
    });
    const accepted = await admin.post("/api/v1/organization-invitations/accept", {
      token,
      displayName: "Org Admin",
      password: `a long passphrase ${uniq()}`,
      locale: "en",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await admin.post("/api/v1/organization-invitations/lookup", { token })).statusCode).toBe(404);
    expect(
      (
        await new TestClient(t.app).post("/api/v1/organization-invitations/accept", {
          token,
          displayName: "X",
          password: `other ${uniq()} pass`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin.post("/api/v1/organization-invitations/lookup", { token: `${token}x` })).statusCode,
    ).toBe(404);

    const existing = await makeUser(t.core);
    expect(
      (
        await admin.post(`/api/v1/organizations/${org.slug}/invitations`, {
          email: existing.email,
          role: "reviewer",
        })
      ).statusCode,
    ).toBe(201);
    const m2 = await t.waitForMail(existing.email, "Invitation");
    const token2 = /#token=([^\s"<]+)/.exec(m2.text)?.[1] as string;
    const reviewer = new TestClient(t.app);
    expect(
      (
        await reviewer.post("/api/v1/organization-invitations/accept", {
          token: token2,
          password: "wrong password here",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await reviewer.post("/api/v1/organization-invitations/accept", {
          token: token2,
          password: existing.password,
        })
      ).statusCode,
    ).toBe(200);
    expect((await reviewer.get(`/api/v1/organizations/${org.slug}/inbox`)).statusCode).toBe(200);
    // A reviewer does not manage staff.
    expect((await reviewer.get(`/api/v1/organizations/${org.slug}/staff`)).statusCode).toBe(404);

    const staff = (await admin.get(`/api/v1/organizations/${org.slug}/staff`)).json().staff as {
      membershipId: string;
      email: string;
      role: string;
    }[];
    expect(staff.map((s) => [s.email, s.role]).sort()).toEqual(
      [
        [adminEmail, "organization_admin"],
        [existing.email, "reviewer"],
      ].sort(),
    );
    const rev = staff.find((s) => s.role === "reviewer") as { membershipId: string };
    const mine = staff.find((s) => s.role === "organization_admin") as { membershipId: string };
    expect(
      (await admin.delete(`/api/v1/organizations/${org.slug}/staff/${mine.membershipId}`)).statusCode,
    ).toBe(409);
    expect(
      (await admin.delete(`/api/v1/organizations/${org.slug}/staff/${rev.membershipId}`)).statusCode,
    ).toBe(204);
    expect((await reviewer.get(`/api/v1/organizations/${org.slug}/inbox`)).statusCode).toBe(404);
    // The used link does not bring the removed reviewer back.
    expect(
      (
        await reviewer.post("/api/v1/organization-invitations/accept", {
          token: token2,
          password: existing.password,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("lists pending staff invitations and cancels one (operator and the organization's admins): its link is then refused", async () => {
    const org = await createOrg();
    const invite = async (c: TestClient, email: string, role = "reviewer") => {
      const res = await c.post(`/api/v1/organizations/${org.slug}/invitations`, {
        email,
        role,
        locale: "en",
      });
      expect(res.statusCode, res.body).toBe(201);
      const mail = await t.waitForMail(email, "Invitation");
      return /#token=([^\s"<]+)/.exec(mail.text)?.[1] as string;
    };
    const { client: orgAdmin } = await staffOf(org, "organization_admin");
    const first = `first-${uniq()}@org.test`;
    const second = `second-${uniq()}@org.test`;
    const tokenFirst = await invite(operator, first, "organization_admin");
    t.clock.advance(60_000);
    let tokenSecond: string;
    try {
      tokenSecond = await invite(orgAdmin, second);
    } finally {
      t.clock.advance(-60_000);
    }
    const list = async (c: TestClient) => c.get(`/api/v1/organizations/${org.slug}/invitations`);
    for (const c of [operator, orgAdmin]) {
      const res = await list(c);
      expect(res.statusCode).toBe(200);
      expect(res.json().invitations.map((i: { email: string; role: string }) => [i.email, i.role])).toEqual([
        [second, "reviewer"],
        [first, "organization_admin"],
      ]);
    }
    const [secondRow, firstRow] = (await list(operator)).json().invitations as {
      id: string;
      createdAt: string;
      expiresAt: string;
    }[];
    expect(Date.parse(firstRow?.expiresAt ?? "") - Date.parse(firstRow?.createdAt ?? "")).toBe(
      7 * 24 * 3600_000,
    );

    // Outsiders: another organization's admin, a reviewer, a learner, anonymous → 404/401, nothing changes.
    const other = await createOrg();
    const { client: otherAdmin } = await staffOf(other, "organization_admin");
    const { client: reviewer } = await staffOf(org, "reviewer");
    const learner = await signedInClient(t);
    const anon = new TestClient(t.app);
    const before = await snapshotDatabase(t.runtime.database);
    for (const c of [otherAdmin, reviewer, learner, anon]) {
      const expected = c === anon ? 401 : 404;
      expect((await list(c)).statusCode).toBe(expected);
      expect(
        (await c.delete(`/api/v1/organizations/${org.slug}/invitations/${secondRow?.id}`)).statusCode,
      ).toBe(expected);
    }
    // Through its own organization, another admin cannot reach this one's invitation either.
    expect(
      (await otherAdmin.delete(`/api/v1/organizations/${other.slug}/invitations/${secondRow?.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherAdmin.get(`/api/v1/organizations/${other.slug}/invitations`)).json().invitations,
    ).toEqual([]);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    // The organization's admin cancels the second; its link is refused, in both languages.
    const cancel = await orgAdmin.delete(`/api/v1/organizations/${org.slug}/invitations/${secondRow?.id}`);
    expect(cancel.statusCode).toBe(204);
    expect(
      (await orgAdmin.delete(`/api/v1/organizations/${org.slug}/invitations/${secondRow?.id}`)).statusCode,
    ).toBe(404);
    expect((await list(orgAdmin)).json().invitations.map((i: { email: string }) => i.email)).toEqual([first]);
    const refused = await anon.post("/api/v1/organization-invitations/lookup", { token: tokenSecond });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({
      code: "invitation_invalid",
      message: { fr: expect.stringContaining("annulée"), en: expect.stringContaining("cancelled") },
    });
    const accept = await anon.post("/api/v1/organization-invitations/accept", {
      token: tokenSecond,
      displayName: "Too Late",
      password: `a long passphrase ${uniq()}`,
    });
    expect(accept.statusCode).toBe(404);
    expect(await t.core.stores.users.findByEmail(second)).toBeNull();
    const audit = await t.core.stores.audit.list({
      institutionId: null,
      action: "organization.invitation_cancelled",
      limit: 20,
    });
    expect(audit.find((e) => e.targetId === org.id)?.details).toMatchObject({
      email: second,
      role: "reviewer",
    });

    // The operator cancels the first; an accepted or expired one is no longer listed nor cancellable.
    expect(
      (await operator.delete(`/api/v1/organizations/${org.slug}/invitations/${firstRow?.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await anon.post("/api/v1/organization-invitations/lookup", { token: tokenFirst })).statusCode,
    ).toBe(404);
    const third = `third-${uniq()}@org.test`;
    const tokenThird = await invite(operator, third);
    const joined = await anon.post("/api/v1/organization-invitations/accept", {
      token: tokenThird,
      displayName: "Joined",
      password: `a long passphrase ${uniq()}`,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    await invite(operator, `fourth-${uniq()}@org.test`);
    t.clock.advance(8 * 24 * 3600_000);
    try {
      expect((await list(operator)).json().invitations).toEqual([]);
    } finally {
      t.clock.advance(-8 * 24 * 3600_000);
    }
  });

  it("notifies each staff member of a received share in their own language first, and the contact email", async () => {
    const org = await createOrg();
    const contact = `contact-${org.slug}@org.test`;
    const { user: reviewer } = await staffOf(org, "reviewer");
    await t.core.stores.users.update(reviewer.id, { locale: "en" });
    const { user: admin } = await staffOf(org, "organization_admin");
    const u = await makeUser(t.core);
    const learner = await makeLearner(t.core, inst, { givenName: "Noé" });
    await t.core.stores.learners.linkUser(learner.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner, type, title: `Diplôme ${uniq()}` });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    const res = await c.post("/api/v1/shares", {
      channel: "organization",
      organizationId: org.id,
      documentIds: [document.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const name = u.user.displayName;
    const english = await t.waitForMail(reviewer.email, "Documents");
    expect(english.subject).toBe(`Documents received: ${name} / Documents reçus : ${name}`);
    expect(english.text.indexOf("certified document")).toBeLessThan(
      english.text.indexOf("document certifié"),
    );
    const french = await t.waitForMail(admin.email, "Documents");
    expect(french.subject).toBe(`Documents reçus : ${name} / Documents received: ${name}`);
    const toContact = await t.waitForMail(contact, "Documents");
    expect(toContact.subject.startsWith("Documents reçus")).toBe(true);
    // One message each: no recipient sees another's address.
    for (const m of [english, french, toContact]) expect(m.to).not.toContain(",");
  });

  it("lists the inbox with search and filters, marks processed, opens with verdicts, and records each retrieval", async () => {
    const org = await createOrg();
    const { client: reviewer, user: reviewerUser } = await staffOf(org);
    const old = await sharedWith(org, { receivedAt: new Date("2026-01-10T12:00:00Z") });
    const recent = await sharedWith(org);
    const list = await reviewer.get(`/api/v1/organizations/${org.slug}/inbox`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { shareId: string }) => i.shareId)).toEqual([
      recent.shareId,
      old.shareId,
    ]);
    const title = recent.docs[0]?.document.title as string;
    const byTitle = await reviewer.get(
      `/api/v1/organizations/${org.slug}/inbox?q=${encodeURIComponent(title.toUpperCase().replace("É", "E"))}`,
    );
    expect(byTitle.json().items.map((i: { shareId: string }) => i.shareId)).toEqual([recent.shareId]);
    const byDate = await reviewer.get(
      `/api/v1/organizations/${org.slug}/inbox?from=2026-01-01&to=2026-01-31`,
    );
    expect(byDate.json().items.map((i: { shareId: string }) => i.shareId)).toEqual([old.shareId]);
    expect((await reviewer.get(`/api/v1/organizations/${org.slug}/inbox?from=yesterday`)).statusCode).toBe(
      400,
    );

    const marked = await reviewer.raw(
      "PUT",
      `/api/v1/organizations/${org.slug}/inbox/${old.shareId}/processed`,
      {
        body: { processed: true },
      },
    );
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().item.processedBy).toEqual({
      id: reviewerUser.id,
      displayName: reviewerUser.displayName,
    });
    const open = await reviewer.get(`/api/v1/organizations/${org.slug}/inbox?processed=false`);
    expect(open.json().items.map((i: { shareId: string }) => i.shareId)).toEqual([recent.shareId]);
    await reviewer.raw("PUT", `/api/v1/organizations/${org.slug}/inbox/${old.shareId}/processed`, {
      body: { processed: false },
    });
    expect(
      (await reviewer.get(`/api/v1/organizations/${org.slug}/inbox?processed=true`)).json().items,
    ).toEqual([]);

    const detail = await reviewer.get(`/api/v1/organizations/${org.slug}/inbox/${recent.shareId}`);
    expect(detail.json().item.verifications.map((v: { status: string }) => v.status)).toEqual([
      "active",
      "active",
    ]);
    const doc = recent.docs[0] as (typeof recent.docs)[number];
    const file = await reviewer.get(
      `/api/v1/organizations/${org.slug}/inbox/${recent.shareId}/documents/${doc.document.id}/file`,
    );
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, Buffer.from(doc.bytes))).toBe(0);
    const events = await t.runtime.database.db.execute(
      sql`select kind, organization_id, user_id, document_id from share_events where share_id = ${recent.shareId}`,
    );
    expect((events as unknown as { rows: unknown[] }).rows).toEqual([
      { kind: "retrieved", organization_id: org.id, user_id: reviewerUser.id, document_id: doc.document.id },
    ]);
  });

  it("refuses a download the share forbids, and a document outside the share", async () => {
    const org = await createOrg();
    const { client: reviewer } = await staffOf(org);
    const noDownload = await sharedWith(org, { downloadAllowed: false });
    const other = await sharedWith(org);
    const before = await snapshotDatabase(t.runtime.database);
    const base = `/api/v1/organizations/${org.slug}/inbox`;
    expect(
      (await reviewer.get(`${base}/${noDownload.shareId}/documents/${noDownload.docs[0]?.document.id}/file`))
        .statusCode,
    ).toBe(404);
    expect(
      (await reviewer.get(`${base}/${other.shareId}/documents/${noDownload.docs[0]?.document.id}/file`))
        .statusCode,
    ).toBe(404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("answers 404 on every inbox route to another organization's staff, the operator and learners; 401 anonymously; nothing recorded", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { shareId, docs } = await sharedWith(org);
    const { client: outsider } = await staffOf(other, "organization_admin");
    const learner = await signedInClient(t);
    const anon = new TestClient(t.app);
    const base = `/api/v1/organizations/${org.slug}/inbox`;
    const guessed = "00000000-0000-4000-8000-000000000000";
    const before = await snapshotDatabase(t.runtime.database);
    for (const [c, status] of [
      [outsider, 404],
      [operator, 404],
      [learner, 404],
      [anon, 401],
    ] as const) {
      expect((await c.get(base)).statusCode).toBe(status);
      expect((await c.get(`${base}/${shareId}`)).statusCode).toBe(status);
      expect(
        (await c.raw("PUT", `${base}/${shareId}/processed`, { body: { processed: true } })).statusCode,
      ).toBe(status);
      expect((await c.get(`${base}/${shareId}/documents/${docs[0]?.document.id}/file`)).statusCode).toBe(
        status,
      );
    }
    // Its own inbox does not hold another organization's share.
    const theirs = `/api/v1/organizations/${other.slug}/inbox`;
    expect((await outsider.get(`${theirs}/${shareId}`)).statusCode).toBe(404);
    expect(
      (await outsider.get(`${theirs}/${shareId}/documents/${docs[0]?.document.id}/file`)).statusCode,
    ).toBe(404);
    expect((await outsider.get(`${theirs}/${guessed}`)).statusCode).toBe(404);
    expect((await outsider.get(`${theirs}/not-a-uuid`)).statusCode).toBe(400);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses a logo that is not an image and bodies with unknown fields", async () => {
    const org = await createOrg();
    const pdf = await readFile(new URL("../../package.json", import.meta.url));
    expect(
      (await operator.put(`/api/v1/operator/organizations/${org.slug}/logo`, pdf, "image/png")).statusCode,
    ).toBe(415);
    expect(
      (await operator.patch(`/api/v1/operator/organizations/${org.slug}`, { slug: "other" })).statusCode,
    ).toBe(400);
  });
});
