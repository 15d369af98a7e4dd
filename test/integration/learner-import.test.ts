import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Row = {
  line: number;
  action: string;
  values: Record<string, string>;
  errors: { field: string; message: { fr: string; en: string } }[];
};

const GOOD = [
  "\uFEFFNumero_Etudiant,Prénom,Nom,Date_Naissance,Courriel_Institutionnel,Langue",
  '2024-001,Émilie,"Côté, fille",2004-09-27,EMILIE@cegep.example.ca,fr',
  '2024-002,"Jean\r\nPaul",Tremblay,,,en',
  "2024-003,Zoé,Gagnon,,zoe@cegep.example.ca,",
].join("\r\n");

describe.each(BACKENDS)("learners CSV import on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const setup = async () => {
    const inst = await makeInstitution(t.core);
    const u = await makeUser(t.core, { institutionId: inst.id, role: "issuer" });
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const base = `/api/v1/institutions/${inst.slug}/learners`;
    const send = (
      path: "import" | "import/preview",
      body: string | Buffer,
      type = "text/csv; charset=utf-8",
    ) => c.raw("POST", `${base}/${path}`, { payload: body, headers: { "content-type": type } });
    return { inst, c, base, send };
  };

  it("previews every row with its action and writes nothing, then imports in one go and reports unchanged on re-import", async () => {
    const { c, base, send } = await setup();
    const before = await snapshotDatabase(t.runtime.database);
    const preview = await send("import/preview", GOOD);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.summary).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, error: 0, issues: 0 });
    expect(p.columns).toEqual([
      "studentNumber",
      "givenName",
      "familyName",
      "dateOfBirth",
      "institutionalEmail",
      "locale",
    ]);
    expect(p.rows.map((r: Row) => r.line)).toEqual([2, 3, 5]);
    expect(p.rows[0].values).toMatchObject({
      familyName: "Côté, fille",
      institutionalEmail: "EMILIE@cegep.example.ca",
    });
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    const imported = await send("import", GOOD);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const list = (await c.get(`${base}?q=cote`)).json().learners;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      givenName: "Émilie",
      institutionalEmail: "emilie@cegep.example.ca",
      dateOfBirth: "2004-09-27",
    });
    const jp = (await c.get(`${base}?q=tremblay`)).json().learners[0];
    expect(jp).toMatchObject({ givenName: "Jean Paul", locale: "en" });

    const again = await send("import/preview", GOOD);
    expect(again.json().summary).toMatchObject({ unchanged: 3, create: 0, update: 0 });
    expect(again.json().rows.map((r: Row) => r.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const afterFirst = await snapshotDatabase(t.runtime.database);
    expect((await send("import", GOOD)).json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshotDatabase(t.runtime.database)).toBe(afterFirst);

    // A file without the optional columns updates names and keeps the rest.
    const update =
      "student_number,given_name,family_name\n2024-001,Émilie,Côté\n2024-004,Léa,Roy\n2024-003,Zoé,Gagnon";
    const up = (await send("import/preview", update)).json();
    expect(up.rows.map((r: Row) => r.action)).toEqual(["update", "create", "unchanged"]);
    expect((await send("import", update)).json()).toEqual({ created: 1, updated: 1, unchanged: 1 });
    const emilie = (await c.get(`${base}?q=2024-001`)).json().learners[0];
    expect(emilie).toMatchObject({
      familyName: "Côté",
      institutionalEmail: "emilie@cegep.example.ca",
      dateOfBirth: "2004-09-27",
    });
  });

  it("reports per-row errors (formula injection, duplicates, bad values) and imports nothing when one row is bad", async () => {
    const { send } = await setup();
    const csv = [
      "student_number,given_name,family_name,date_of_birth,personal_email",
      "1,Ana,Roy,2001-01-01,ana@example.com",
      "2,\"=cmd|' /C calc'!A0\",Roy,,",
      "3,Bob,@SUM(A1),,",
      "4,Céline,Dion,1899-12-31,not-an-email",
      "1,Dup,Licate,,",
      "5,Too,Many,,,extra",
      "6,,Roy,,",
      "7,Ok,Fine,,",
    ].join("\n");
    const before = await snapshotDatabase(t.runtime.database);
    const preview = (await send("import/preview", csv)).json();
    const byLine = Object.fromEntries(preview.rows.map((r: Row) => [r.line, r]));
    expect(byLine[2].action).toBe("create");
    expect(byLine[3].errors.map((e: Row["errors"][0]) => e.field)).toEqual(["givenName"]);
    expect(byLine[3].errors[0].message.en).toMatch(/formula/);
    expect(byLine[4].errors.map((e: Row["errors"][0]) => e.field)).toEqual(["familyName"]);
    expect(byLine[5].errors.map((e: Row["errors"][0]) => e.field).sort()).toEqual([
      "dateOfBirth",
      "personalEmail",
    ]);
    expect(byLine[6].errors[0]).toMatchObject({ field: "studentNumber" });
    expect(byLine[6].errors[0].message.fr).toContain("ligne 2");
    expect(byLine[7].errors[0].field).toBe("row");
    expect(byLine[8].errors[0].field).toBe("givenName");
    expect(byLine[9].action).toBe("create");
    expect(preview.summary).toMatchObject({ rows: 8, create: 2, error: 6 });
    for (const r of preview.rows as Row[])
      for (const e of r.errors) expect(e.message.fr).not.toBe(e.message.en);

    const refused = await send("import", csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("import_has_errors");
    const paths = (refused.json().error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toContain("rows.3.givenName");
    expect(paths).toContain("rows.6.studentNumber");
    expect(paths).toHaveLength(preview.summary.issues);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses file-level problems clearly: encoding, columns, empty file, bad quotes, content type", async () => {
    const { send } = await setup();
    const before = await snapshotDatabase(t.runtime.database);
    const latin1 = Buffer.from("student_number,given_name,family_name\n1,Hélène,Côté\n", "latin1");
    for (const path of ["import/preview", "import"] as const) {
      const res = await send(path, latin1);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("csv_not_utf8");
      expect(res.json().error.message.fr).toContain("UTF-8");
    }
    const cases: [string, RegExp][] = [
      ["student_number,given_name\n1,A", /family_name \| nom/],
      ["student_number,given_name,family_name,shoe_size\n1,A,B,44", /shoe_size/],
      ["student_number,prenom,given_name,family_name\n1,A,B,C", /given_name/],
      ["student_number,given_name,family_name\n", /only the header/],
      ["", /empty/],
      ['student_number,given_name,family_name\n1,"A,B', /line 2/],
    ];
    for (const [csv, pattern] of cases) {
      const res = await send("import/preview", csv);
      expect(res.statusCode, csv).toBe(400);
      expect(res.json().error.code).toBe("csv_invalid");
      expect(res.json().error.issues[0].message.en).toMatch(pattern);
      expect(res.json().error.issues[0].message.fr).toBeTruthy();
    }
    const wrongType = await send("import", "a,b", "application/vnd.ms-excel");
    expect(wrongType.statusCode).toBe(415);
    const tooBig = await send(
      "import/preview",
      `student_number,given_name,family_name\n${"1,A,B\n".repeat(900_000)}`,
    );
    expect(tooBig.statusCode).toBe(413);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("answers 10,000 rows with errors quickly, with the total and a capped list", async () => {
    const { send } = await setup();
    const lines = ["student_number,given_name,family_name,date_of_birth"];
    for (let i = 0; i < 10_000; i++) lines.push(`${i},=bad${i},Roy,2004-13-45`);
    const csv = lines.join("\n");
    const before = await snapshotDatabase(t.runtime.database);
    const started = Date.now();
    const preview = await send("import/preview", csv);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.summary).toMatchObject({ rows: 10_000, error: 10_000, issues: 20_000 });
    expect(p.rows).toHaveLength(1000);
    expect(p.truncated).toBe(true);
    const refused = await send("import", csv);
    expect(refused.statusCode).toBe(400);
    const issues = refused.json().error.issues as { path: string; message: { en: string } }[];
    expect(issues).toHaveLength(1001);
    expect(issues.at(-1)?.message.en).toContain("20000 in all");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("imports 5,000 new learners in one transaction with batched writes", async () => {
    const { inst, send } = await setup();
    const lines = ["student_number,given_name,family_name,institutional_email"];
    for (let i = 0; i < 5000; i++) lines.push(`S${i},Prénom${i},Nom${i % 97},s${i}@cegep.example.ca`);
    const res = await send("import", lines.join("\n"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 5000, updated: 0, unchanged: 0 });
    expect(await t.core.stores.learners.count({ institutionId: inst.id, q: "", cap: 100_000 })).toBe(5000);
  });
});
