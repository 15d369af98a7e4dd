import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, type makeUser, signedInClient } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type LearnerJson = { id: string; studentNumber: string; familyName: string; givenName: string };

describe.each(BACKENDS)("learner records on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const signedIn = (options: Parameters<typeof makeUser>[1]) => signedInClient(t, options);
  const staffOf = async (role: "institution_admin" | "issuer" = "issuer") => {
    const inst = await makeInstitution(t.core);
    return {
      inst,
      c: await signedIn({ institutionId: inst.id, role }),
      base: `/api/v1/institutions/${inst.slug}/learners`,
    };
  };

  it("lets staff create, get and edit a learner, normalising fields", async () => {
    const { c, base } = await staffOf("issuer");
    const created = await c.post(base, {
      studentNumber: "  2024-0001 ",
      givenName: " Émilie ",
      familyName: "Côté",
      dateOfBirth: "2004-09-27",
      institutionalEmail: "Emilie.Cote@Cegep.example.ca",
      locale: "fr",
    });
    expect(created.statusCode, created.body).toBe(201);
    const l = created.json().learner;
    expect(l).toMatchObject({
      studentNumber: "2024-0001",
      givenName: "Émilie",
      familyName: "Côté",
      dateOfBirth: "2004-09-27",
      institutionalEmail: "emilie.cote@cegep.example.ca",
      personalEmail: null,
      locale: "fr",
      hasAccount: false,
    });
    expect((await c.get(`${base}/${l.id}`)).json().learner.id).toBe(l.id);
    const edited = await c.patch(`${base}/${l.id}`, { personalEmail: "MIMI@example.com", locale: "en" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().learner).toMatchObject({
      personalEmail: "mimi@example.com",
      locale: "en",
      givenName: "Émilie",
      dateOfBirth: "2004-09-27",
    });
    const cleared = await c.patch(`${base}/${l.id}`, { dateOfBirth: null });
    expect(cleared.json().learner.dateOfBirth).toBeNull();
    const dup = await c.post(base, { studentNumber: "2024-0001", givenName: "A", familyName: "B" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("student_number_taken");
    const other = (await c.post(base, { studentNumber: "X1", givenName: "A", familyName: "B" })).json()
      .learner;
    expect((await c.patch(`${base}/${other.id}`, { studentNumber: "2024-0001" })).statusCode).toBe(409);
  });

  it("explains invalid learner fields in both languages, refuses malformed bodies, writes nothing", async () => {
    const { c, base } = await staffOf();
    const before = await snapshotDatabase(t.runtime.database);
    const bad = await c.post(base, {
      studentNumber: " ",
      givenName: '=HYPERLINK("http://evil")',
      familyName: "+33",
      dateOfBirth: "2999-01-01",
      institutionalEmail: "not-an-email",
      personalEmail: "a@b",
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.issues as { path: string; message: { fr: string; en: string } }[];
    expect(issues.map((i) => i.path).sort()).toEqual([
      "dateOfBirth",
      "familyName",
      "givenName",
      "institutionalEmail",
      "personalEmail",
      "studentNumber",
    ]);
    for (const i of issues) expect(i.message.fr).not.toBe(i.message.en);
    for (const dateOfBirth of ["1900-01-01", "2004-02-30", "27/09/2004"]) {
      const res = await c.post(base, { studentNumber: "1", givenName: "A", familyName: "B", dateOfBirth });
      expect(res.statusCode, dateOfBirth).toBe(400);
    }
    const cases = [
      await c.raw("POST", base, { payload: "{nope", headers: { "content-type": "application/json" } }),
      await c.post(base, { studentNumber: "1", givenName: "A", familyName: "B", extra: true }),
      await c.post(base, { studentNumber: "1", givenName: "A", familyName: "B".repeat(201) }),
      await c.post(base, { studentNumber: "1".repeat(33), givenName: "A", familyName: "B" }),
      await c.post(base, { studentNumber: "1", givenName: "A", familyName: "B", locale: "de" }),
      await c.post(base, { givenName: "A", familyName: "B" }),
      await c.get(`${base}?limit=101`),
      await c.get(`${base}?after=garbage`),
      await c.get(`${base}?unknown=1`),
      await c.get(`${base}/not-a-uuid`),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message.fr && res.json().error.message.en).toBeTruthy();
    }
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("searches substrings of names, number and emails, ignoring case and accents", async () => {
    const { c, base } = await staffOf();
    const people = [
      ["A-100", "Émilie", "Côté", "emilie.cote@cegep.example.ca"],
      ["A-101", "Jean", "Tremblay", "jt@cegep.example.ca"],
      ["B-200", "Zoé", "Gagnon", "zoe@perso.example.com"],
    ];
    for (const [studentNumber, givenName, familyName, institutionalEmail] of people)
      expect(
        (await c.post(base, { studentNumber, givenName, familyName, institutionalEmail })).statusCode,
      ).toBe(201);
    const numbers = async (q: string) =>
      (await c.get(`${base}?q=${encodeURIComponent(q)}`))
        .json()
        .learners.map((l: LearnerJson) => l.studentNumber);
    expect(await numbers("cote")).toEqual(["A-100"]);
    expect(await numbers("CÔTÉ")).toEqual(["A-100"]);
    expect(await numbers("emil")).toEqual(["A-100"]);
    expect(await numbers("a-10")).toEqual(
      ["A-100", "A-101"].sort((a, b) => (a === "A-100" ? -1 : b === "A-100" ? 1 : 0)),
    );
    expect(await numbers("perso.example")).toEqual(["B-200"]);
    expect(await numbers("zoe")).toEqual(["B-200"]);
    expect(await numbers("%")).toEqual([]);
    expect(await numbers("")).toEqual(["A-100", "B-200", "A-101"]); // Côté, Gagnon, Tremblay
    const all = (await c.get(base)).json();
    expect(all).toMatchObject({ total: 3, totalCapped: false, nextCursor: null, prevCursor: null });
  });

  it("pages with keyset cursors forwards and backwards without duplicates or gaps", async () => {
    const { inst, c, base } = await staffOf();
    // 53 learners with many equal family names (ties broken by given name, then id).
    const csv = ["student_number,given_name,family_name"];
    for (let i = 0; i < 53; i++)
      csv.push(
        `N${String(i).padStart(3, "0")},${i % 2 ? "Ana" : "Béa"},${["Roy", "Côté", "Roy", "Lévesque"][i % 4]}`,
      );
    const imported = await c.raw("POST", `${base}/import`, {
      payload: csv.join("\n"),
      headers: { "content-type": "text/csv" },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const expected = (
      await t.core.stores.learners.search({
        institutionId: inst.id,
        q: "",
        after: null,
        before: null,
        limit: 100,
      })
    ).learners.map((l) => l.id);
    expect(expected).toHaveLength(53);
    const seen: string[] = [];
    const pages: { first: string; prev: string | null }[] = [];
    let next: string | null = null;
    do {
      const url: string = `${base}?limit=10${next ? `&after=${next}` : ""}`;
      const page = (await c.get(url)).json();
      expect(page.total).toBe(53);
      seen.push(...page.learners.map((l: LearnerJson) => l.id));
      pages.push({ first: page.learners[0].id, prev: page.prevCursor });
      next = page.nextCursor;
    } while (next);
    expect(seen).toEqual(expected);
    expect(pages).toHaveLength(6);
    expect(pages[0]?.prev).toBeNull();
    // Backwards from the last page gives the same pages in reverse.
    let prev = pages[5]?.prev ?? null;
    const back: string[] = [];
    while (prev) {
      const page = (await c.get(`${base}?limit=10&before=${prev}`)).json();
      back.unshift(...page.learners.map((l: LearnerJson) => l.id));
      expect(page.nextCursor).not.toBeNull();
      prev = page.prevCursor;
    }
    expect(back).toEqual(expected.slice(0, 50));
    // A filtered search pages the same way.
    const roys: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { learners: LearnerJson[]; nextCursor: string | null } = (
        await c.get(`${base}?q=roy&limit=7${cursor ? `&after=${cursor}` : ""}`)
      ).json();
      roys.push(...page.learners.map((l: LearnerJson) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(roys).size).toBe(27);
  });

  it("hides learners from other institutions and anonymous callers (404/401, nothing changes)", async () => {
    const theirs = await staffOf("institution_admin");
    const learner = (
      await theirs.c.post(theirs.base, { studentNumber: "S1", givenName: "A", familyName: "B" })
    ).json().learner;
    const mine = await staffOf("institution_admin");
    const csv = {
      payload: "student_number,given_name,family_name\nS2,C,D",
      headers: { "content-type": "text/csv" },
    };
    const before = await snapshotDatabase(t.runtime.database);
    const attempts = [
      mine.c.get(theirs.base),
      mine.c.post(theirs.base, { studentNumber: "S3", givenName: "A", familyName: "B" }),
      mine.c.get(`${theirs.base}/${learner.id}`),
      mine.c.patch(`${theirs.base}/${learner.id}`, { givenName: "Pris" }),
      mine.c.raw("POST", `${theirs.base}/import/preview`, csv),
      mine.c.raw("POST", `${theirs.base}/import`, csv),
      mine.c.get(`${mine.base}/${learner.id}`),
      mine.c.patch(`${mine.base}/${learner.id}`, { givenName: "Pris" }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    const anonymous = new TestClient(t.app);
    for (const res of [
      await anonymous.get(theirs.base),
      await anonymous.get(`${theirs.base}/${learner.id}`),
      await anonymous.post(theirs.base, { studentNumber: "S3", givenName: "A", familyName: "B" }),
      await anonymous.raw("POST", `${theirs.base}/import`, csv),
    ])
      expect(res.statusCode).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });
});
