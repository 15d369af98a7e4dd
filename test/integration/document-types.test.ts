import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, type makeUser, signedInClient } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const transcript = {
  code: "releve",
  nameFr: "Relevé de notes",
  nameEn: "Transcript",
  unlockFeeCents: 1500,
  shareFeeCents: 0,
};

describe.each(BACKENDS)("document types on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const signedIn = (options: Parameters<typeof makeUser>[1]) => signedInClient(t, options);

  it("lets an admin create, list, edit, archive and restore a document type; issuers only list", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await signedIn({ institutionId: inst.id });
    const base = `/api/v1/institutions/${inst.slug}/document-types`;
    const created = await admin.post(base, transcript);
    expect(created.statusCode, created.body).toBe(201);
    const dt = created.json().documentType;
    expect(dt).toMatchObject({
      code: "RELEVE",
      currency: "CAD",
      downloadAllowed: true,
      defaultShareDays: 90,
      unlockFeeCents: 1500,
      descriptionFr: "",
      archived: false,
    });
    expect((await admin.post(base, transcript)).json().error.code).toBe("document_type_code_taken");
    const edited = await admin.patch(`${base}/${dt.id}`, {
      shareFeeCents: 500,
      currency: "usd",
      defaultShareDays: 30,
      downloadAllowed: false,
      descriptionEn: "Official transcript",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().documentType).toMatchObject({
      shareFeeCents: 500,
      currency: "USD",
      defaultShareDays: 30,
      downloadAllowed: false,
      descriptionEn: "Official transcript",
    });
    const diploma = (await admin.post(base, { code: "DIPLOME", nameFr: "Diplôme", nameEn: "Diploma" })).json()
      .documentType;
    expect((await admin.patch(`${base}/${diploma.id}`, { code: "RELEVE" })).statusCode).toBe(409);

    const issuer = await signedIn({ institutionId: inst.id, role: "issuer" });
    expect((await issuer.get(base)).json().documentTypes.map((d: { code: string }) => d.code)).toEqual([
      "DIPLOME",
      "RELEVE",
    ]);
    expect((await issuer.get(`${base}/${dt.id}`)).statusCode).toBe(200);

    const archived = await admin.post(`${base}/${dt.id}/archive`);
    expect(archived.json().documentType.archived).toBe(true);
    expect((await admin.get(base)).json().documentTypes.map((d: { code: string }) => d.code)).toEqual([
      "DIPLOME",
    ]);
    expect((await admin.get(`${base}?archived=true`)).json().documentTypes).toHaveLength(2);
    const restored = await admin.post(`${base}/${dt.id}/restore`);
    expect(restored.json().documentType).toMatchObject({ archived: false, archivedAt: null });
  });

  it("lets the operator manage any institution's document types", async () => {
    const inst = await makeInstitution(t.core);
    const operator = await signedIn({ operator: true });
    expect(
      (await operator.post(`/api/v1/institutions/${inst.slug}/document-types`, transcript)).statusCode,
    ).toBe(201);
  });

  it("explains invalid fields in both languages and refuses malformed bodies", async () => {
    const inst = await makeInstitution(t.core);
    const admin = await signedIn({ institutionId: inst.id });
    const base = `/api/v1/institutions/${inst.slug}/document-types`;
    const before = await snapshotDatabase(t.runtime.database);
    const bad = await admin.post(base, { ...transcript, code: "a b", currency: "C$", nameEn: " " });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.issues as { path: string; message: { fr: string; en: string } }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["nameEn"]);
    const bad2 = await admin.post(base, { ...transcript, code: "a b", currency: "C$X" });
    expect(bad2.statusCode).toBe(400);
    expect((bad2.json().error.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "code",
      "currency",
    ]);
    for (const i of bad2.json().error.issues) expect(i.message.fr).not.toBe(i.message.en);
    const cases = [
      await admin.raw("POST", base, { payload: "{nope", headers: { "content-type": "application/json" } }),
      await admin.post(base, { ...transcript, extra: 1 }),
      await admin.post(base, { ...transcript, nameFr: "x".repeat(201) }),
      await admin.post(base, { ...transcript, code: "X".repeat(33) }),
      await admin.post(base, { ...transcript, unlockFeeCents: -1 }),
      await admin.post(base, { ...transcript, unlockFeeCents: 1.5 }),
      await admin.post(base, { ...transcript, defaultShareDays: 367 }),
      await admin.post(base, { ...transcript, defaultShareDays: 0 }),
      await admin.get(`${base}?archived=maybe`),
      await admin.get(`${base}/not-a-uuid`),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message.fr).toBeTruthy();
      expect(res.json().error.message.en).toBeTruthy();
    }
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("hides another institution's document types (404, nothing changes) and keeps issuers from managing them", async () => {
    const mine = await makeInstitution(t.core);
    const theirs = await makeInstitution(t.core);
    const theirAdmin = await signedIn({ institutionId: theirs.id });
    const theirType = (
      await theirAdmin.post(`/api/v1/institutions/${theirs.slug}/document-types`, transcript)
    ).json().documentType;
    const admin = await signedIn({ institutionId: mine.id });
    const issuer = await signedIn({ institutionId: theirs.id, role: "issuer" });
    const before = await snapshotDatabase(t.runtime.database);
    const theirBase = `/api/v1/institutions/${theirs.slug}/document-types`;
    const myBase = `/api/v1/institutions/${mine.slug}/document-types`;
    const attempts = [
      admin.get(theirBase),
      admin.post(theirBase, transcript),
      admin.get(`${theirBase}/${theirType.id}`),
      admin.patch(`${theirBase}/${theirType.id}`, { nameFr: "Pris" }),
      admin.post(`${theirBase}/${theirType.id}/archive`),
      admin.post(`${theirBase}/${theirType.id}/restore`),
      // My slug, their id.
      admin.get(`${myBase}/${theirType.id}`),
      admin.patch(`${myBase}/${theirType.id}`, { nameFr: "Pris" }),
      admin.post(`${myBase}/${theirType.id}/archive`),
      // An issuer of that institution may list but not manage.
      issuer.post(theirBase, { ...transcript, code: "NEW" }),
      issuer.patch(`${theirBase}/${theirType.id}`, { nameFr: "Pris" }),
      issuer.post(`${theirBase}/${theirType.id}/archive`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    const anonymous = new TestClient(t.app);
    for (const res of [
      await anonymous.get(theirBase),
      await anonymous.post(theirBase, transcript),
      await anonymous.patch(`${theirBase}/${theirType.id}`, { nameFr: "Pris" }),
    ])
      expect(res.statusCode).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });
});
