import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocument, makeDocumentType, makeLearner, multipartBody } from "../support/document-factories.ts";
import { makeInstitution, signedInClient } from "../support/factories.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("the documents registry and outsiders on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every row that a refused request could have touched, besides snapshotDatabase's tables. */
  const registrySnapshot = async () => {
    const db = t.runtime.database.db;
    const rows = async (q: ReturnType<typeof sql>) => (await db.execute(q)) as unknown as { rows: unknown[] };
    return JSON.stringify([
      await snapshotDatabase(t.runtime.database),
      (await rows(sql`select * from documents order by id`)).rows,
      (await rows(sql`select id, queue, payload, state from jobs order by id`)).rows,
      (await rows(sql`select count(*)::int as n from audit_events`)).rows,
    ]);
  };

  it("answers 401 to anonymous callers and 404 to another institution's staff, changing nothing", async () => {
    const theirs = await makeInstitution(t.core);
    const mine = await makeInstitution(t.core);
    const learner = await makeLearner(t.core, theirs);
    const type = await makeDocumentType(t.core, theirs);
    const { document } = await makeDocument(t.core, theirs, { learner, type });
    const myLearner = await makeLearner(t.core, mine);
    const myType = await makeDocumentType(t.core, mine);
    await makeDocument(t.core, mine, { learner: myLearner, type: myType });
    const outsider = await signedInClient(t, { institutionId: mine.id });
    const learnerOfTheirs = await signedInClient(t, {});
    const anonymous = new TestClient(t.app);
    const pdf = await samplePdf();
    const theirBase = `/api/v1/institutions/${theirs.slug}/documents`;
    const myBase = `/api/v1/institutions/${mine.slug}/documents`;
    const attempts = (c: TestClient) => [
      c.get(theirBase),
      c.get(`${theirBase}/${document.id}`),
      c.get(`${theirBase}/${document.id}/file`),
      c.post(`${theirBase}/${document.id}/revoke`, { reason: "Not mine to revoke" }),
      c.raw("POST", `${theirBase}/${document.id}/replace`, multipartBody([{ name: "file", file: pdf }])),
      // My institution's slug with their document's id.
      c.get(`${myBase}/${document.id}`),
      c.get(`${myBase}/${document.id}/file`),
      c.post(`${myBase}/${document.id}/revoke`, { reason: "Not mine to revoke" }),
      c.raw("POST", `${myBase}/${document.id}/replace`, multipartBody([{ name: "file", file: pdf }])),
    ];
    const before = await registrySnapshot();
    for (const res of await Promise.all(attempts(outsider))) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    for (const res of await Promise.all(attempts(learnerOfTheirs)))
      expect(res.statusCode, res.body).toBe(404);
    const anonymousAttempts = [
      anonymous.get(theirBase),
      anonymous.get(`${theirBase}/${document.id}`),
      anonymous.get(`${theirBase}/${document.id}/file`),
      anonymous.raw("POST", `${theirBase}/${document.id}/revoke`, { body: { reason: "x" }, csrf: false }),
      anonymous.raw("POST", `${theirBase}/${document.id}/replace`, {
        ...multipartBody([{ name: "file", file: pdf }]),
        csrf: false,
      }),
    ];
    for (const res of await Promise.all(anonymousAttempts)) expect(res.statusCode, res.body).toBe(401);
    // Filtering my list by their learner shows nothing of theirs.
    const filtered = await outsider.get(`${myBase}?learnerId=${learner.id}`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().documents).toEqual([]);
    expect(await registrySnapshot()).toBe(before);
  });

  it("lets the operator see any institution's documents", async () => {
    const inst = await makeInstitution(t.core);
    const learner = await makeLearner(t.core, inst);
    const type = await makeDocumentType(t.core, inst);
    const { document } = await makeDocument(t.core, inst, { learner, type });
    const operator = await signedInClient(t, { operator: true });
    const res = await operator.get(`/api/v1/institutions/${inst.slug}/documents/${document.id}`);
    expect(res.statusCode).toBe(200);
  });
});
