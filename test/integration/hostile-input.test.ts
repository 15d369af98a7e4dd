import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import { ERROR_MESSAGES } from "../../src/core/error-messages.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { Learner } from "../../src/core/learners/learners.types.ts";
import { escapeHtml } from "../../src/core/mail/escape-html.ts";
import { makeDocumentType, makeLearner, multipartBody } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { makeZip } from "../support/make-zip.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

type Issue = { path: string; message: { fr: string; en: string } };

/** A bilingual 400 validation_failed whose issues include `path`, and name it in both languages. */
function expectRefused(res: LightMyRequestResponse, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as {
    error: { code: string; message: { fr: string; en: string }; issues: Issue[] };
  };
  expect(error.code).toBe("validation_failed");
  expect(error.message.fr).not.toBe(error.message.en);
  const issue = error.issues.find((i) => i.path === path);
  expect(issue, JSON.stringify(error.issues)).toBeDefined();
  expect(issue?.message.fr).not.toBe(issue?.message.en);
  if (path !== "url") {
    expect(issue?.message.fr).toContain(path);
    expect(issue?.message.en).toContain(path);
  }
}

describe.each(BACKENDS)("U+0000 and lone surrogates on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  let ana: Learner;
  let staff: TestClient;
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
    ana = await makeLearner(t.core, inst);
    const op = await makeUser(t.core, { operator: true, institutionId: inst.id });
    staff = new TestClient(t.app);
    await staff.signIn(op.email, op.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a NUL in a path parameter with 400, anonymous included (these three answered 500)", async () => {
    const anonymous = new TestClient(t.app);
    for (const url of ["/api/v1/institutions/demo%00/logo", "/api/v1/organizations/x%00/logo"])
      expectRefused(await anonymous.get(url), "params.slug");
    expectRefused(await staff.get(`/api/v1/institutions/${inst.slug}%00/learners`), "params.slug");
    // A sign-on start is a browser's page, never JSON: the same refusal as a bilingual page (its
    // routes show no reason, by design: docs/sign-on.md).
    for (const url of ["/api/v1/sign-on/demo%00/start", "/api/v1/sign-on/demo%00/saml/start"]) {
      const page = await anonymous.get(url);
      expect(page.statusCode, url).toBe(400);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.body).toContain(escapeHtml(ERROR_MESSAGES.validation_failed.fr));
      expect(page.body).toContain(ERROR_MESSAGES.validation_failed.en);
    }
  });

  it("refuses invalid UTF-8 in the address (a lone surrogate as %ED%A0%80) with a bilingual 400", async () => {
    const anonymous = new TestClient(t.app);
    expectRefused(await anonymous.get("/api/v1/sign-on/demo%ED%A0%80/start"), "url");
    expectRefused(await anonymous.get("/api/v1/institutions/%FF/logo"), "url");
  });

  it("refuses a NUL in a query parameter and in JSON fields (a lone surrogate too)", async () => {
    expectRefused(await staff.get("/api/v1/users?q=x%00"), "querystring.q");
    expectRefused(await staff.get(`/api/v1/institutions/${inst.slug}/learners?q=%00`), "querystring.q");
    const before = await snapshotDatabase(t.runtime.database);
    expectRefused(await staff.patch("/api/v1/auth/me", { displayName: "Ana\u0000" }), "displayName");
    expectRefused(await staff.patch("/api/v1/auth/me", { displayName: "Ana\uD800" }), "displayName");
    const raw = await staff.raw("PATCH", "/api/v1/auth/me", {
      payload: '{"displayName":"Ana\\udc00"}',
      headers: { "content-type": "application/json" },
    });
    expectRefused(raw, "displayName");
    expectRefused(
      await staff.post(`/api/v1/institutions/${inst.slug}/api-keys`, { name: "k\u0000", scopes: ["read"] }),
      "name",
    );
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
    // A pair of surrogates is one character (an emoji), not a lone half: accepted.
    const ok = await staff.patch("/api/v1/auth/me", { displayName: "Ana 🎓" });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("refuses a NUL in a multipart field or file name", async () => {
    const zip = makeZip([{ name: "a.pdf", data: await samplePdf() }]);
    const manifest = `external_id,student_number,document_type,title,issue_date,file\nX-${uniq()},${ana.studentNumber},${type.code},T,2026-06-15,a.pdf`;
    const upload = (parts: Parameters<typeof multipartBody>[0]) => {
      const body = multipartBody(parts);
      return staff.raw("POST", `/api/v1/institutions/${inst.slug}/batches`, body);
    };
    const before = await snapshotDatabase(t.runtime.database);
    expectRefused(
      await upload([
        { name: "manifest", file: Buffer.from(manifest), filename: "m.csv" },
        { name: "files", file: zip, filename: "f.zip" },
        { name: "dryRun", value: "true\u0000" },
      ]),
      "dryRun",
    );
    expectRefused(
      await upload([
        { name: "manifest", file: Buffer.from(manifest), filename: "m\u0000.csv" },
        { name: "files", file: zip, filename: "f.zip" },
      ]),
      "manifest.filename",
    );
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("reports a NUL in a learners CSV cell at preview, by row and column, and the import refuses the same file", async () => {
    const csv = [
      "student_number,given_name,family_name",
      `N-${uniq()},Em\u0000ilie,Côté`,
      `N\u0000${uniq()},Jean,Tremblay`,
      `N-${uniq()},Zoé,Gagnon`,
    ].join("\n");
    const send = (path: string) =>
      staff.raw("POST", `/api/v1/institutions/${inst.slug}/learners/${path}`, {
        payload: csv,
        headers: { "content-type": "text/csv; charset=utf-8" },
      });
    const before = await snapshotDatabase(t.runtime.database);
    const preview = await send("import/preview");
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as {
      summary: { error: number; create: number };
      rows: { line: number; errors: { field: string; message: { fr: string; en: string } }[] }[];
    };
    expect(p.summary).toMatchObject({ error: 2, create: 1 });
    const problem = (line: number) => p.rows.find((r) => r.line === line)?.errors;
    expect(problem(2)?.map((e) => e.field)).toEqual(["givenName"]);
    expect(problem(2)?.[0]?.message.fr).toMatch(/Ligne 2, colonne given_name.*U\+0000/);
    expect(problem(2)?.[0]?.message.en).toMatch(/Line 2, column given_name.*U\+0000/);
    expect(problem(3)?.map((e) => e.field)).toEqual(["studentNumber"]);
    expect(problem(3)?.[0]?.message.en).toContain("column student_number");

    const commit = await send("import");
    expect(commit.statusCode, commit.body).toBe(400);
    expect(commit.json().error.code).toBe("import_has_errors");
    const issues = (commit.json().error.issues as Issue[]).map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(["rows.2.givenName", "rows.3.studentNumber"]));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("reports a NUL in a batch manifest cell at the dry run, by row and column, as the real upload does", async () => {
    const zip = makeZip([{ name: "a.pdf", data: await samplePdf() }]);
    const manifest = [
      "external_id,student_number,document_type,title,issue_date,file",
      `X-${uniq()},${ana.studentNumber},${type.code},Dipl\u0000ôme,2026-06-15,a.pdf`,
      `X\u0000${uniq()},${ana.studentNumber}\u0000,${type.code},Relevé,2026-06-15,a.pdf`,
    ].join("\n");
    const upload = (dryRun: boolean) => {
      const body = multipartBody([
        { name: "manifest", file: Buffer.from(manifest), filename: "m.csv" },
        { name: "files", file: zip, filename: "f.zip" },
        ...(dryRun ? [{ name: "dryRun", value: "true" }] : []),
      ]);
      return staff.raw("POST", `/api/v1/institutions/${inst.slug}/batches`, body);
    };
    const before = await snapshotDatabase(t.runtime.database);
    for (const dryRun of [true, false]) {
      const res = await upload(dryRun);
      expect(res.statusCode, res.body).toBe(422);
      const issues = res.json().error.issues as Issue[];
      const at = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);
      expect(at("rows.2.title")[0]?.fr).toMatch(/Ligne 2, colonne title \| titre.*U\+0000/);
      expect(at("rows.2.title")[0]?.en).toMatch(/Line 2, column title \| titre.*U\+0000/);
      expect(at("rows.3.externalId")[0]?.en).toContain("U+0000");
      expect(at("rows.3.studentNumber")[0]?.en).toContain("U+0000");
    }
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });
});
