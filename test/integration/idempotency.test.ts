import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeInstitution, signedInClient, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("idempotency keys on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const setup = async () => {
    const inst = await makeInstitution(t.core);
    const admin = await signedInClient(t, { institutionId: inst.id });
    const base = `/api/v1/institutions/${inst.slug}`;
    const newKey = async () =>
      (await admin.post(`${base}/api-keys`, { name: `k-${uniq()}`, scopes: ["issue", "read"] })).json()
        .key as string;
    const post = (key: string, body: unknown, idempotencyKey?: string) =>
      t.app.inject({
        method: "POST",
        url: `${base}/learners`,
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          ...(idempotencyKey !== undefined ? { "idempotency-key": idempotencyKey } : {}),
        },
        payload: JSON.stringify(body),
      });
    const count = async () => {
      const res = await t.runtime.database.db.execute(
        sql`select count(*)::int as n from learners where institution_id = ${inst.id}`,
      );
      return (res as unknown as { rows: { n: number }[] }).rows[0]?.n;
    };
    return { inst, admin, base, newKey, post, count };
  };
  const learner = (n: string) => ({ studentNumber: n, givenName: "Léa", familyName: "Tremblay" });

  it("replays the stored answer of the same request, and refuses the key for another request", async () => {
    const { newKey, post, count } = await setup();
    const key = await newKey();
    const first = await post(key, learner("1"), "req-1");
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(key, learner("1"), "req-1");
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(1);

    const other = await post(key, learner("2"), "req-1");
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: "idempotency_key_mismatch" });
    expect(other.json().error.message.en).toContain("idempotency key");
    expect(await count()).toBe(1);
  });

  it("keeps each owner's keys apart: another API key or a user may use the same key string", async () => {
    const { base, admin, newKey, post, count } = await setup();
    const [a, b] = [await newKey(), await newKey()];
    expect((await post(a, learner("A"), "same")).statusCode).toBe(201);
    expect((await post(b, learner("B"), "same")).statusCode).toBe(201);
    const byUser = await admin.raw("POST", `${base}/learners`, {
      body: learner("C"),
      headers: { "idempotency-key": "same" },
    });
    expect(byUser.statusCode).toBe(201);
    const userAgain = await admin.raw("POST", `${base}/learners`, {
      body: learner("C"),
      headers: { "idempotency-key": "same" },
    });
    expect(userAgain.headers["idempotent-replayed"]).toBe("true");
    expect(await count()).toBe(3);
  });

  it("stores only successes: after an error the same key runs the request again", async () => {
    const { newKey, post, admin, base } = await setup();
    const key = await newKey();
    await admin.post(`${base}/learners`, learner("taken"));
    const refused = await post(key, learner("taken"), "retry-me");
    expect(refused.statusCode).toBe(409);
    await admin.patch(`${base}/learners/${(await admin.get(`${base}/learners`)).json().learners[0].id}`, {
      studentNumber: "moved",
    });
    const retried = await post(key, learner("taken"), "retry-me");
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("refuses malformed keys and forgets answers after 24 hours", async () => {
    const { newKey, post, count } = await setup();
    const key = await newKey();
    for (const bad of ["x".repeat(256), "", "has space"]) {
      const res = await post(key, learner("z"), bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.issues[0].path).toBe("Idempotency-Key");
    }
    expect((await post(key, learner("d1"), "x".repeat(255))).statusCode).toBe(201);
    expect((await post(key, learner("d2"), "x".repeat(255))).statusCode).toBe(422);
    t.clock.advance(25 * 60 * 60 * 1000);
    try {
      expect((await post(key, learner("d2"), "x".repeat(255))).statusCode).toBe(201);
    } finally {
      t.clock.advance(-25 * 60 * 60 * 1000);
    }
    expect(await count()).toBe(2);
  });

  it("replays multipart uploads by method and path (their boundaries differ between sends)", async () => {
    const { newKey } = await setup();
    const key = await newKey();
    const upload = (text: string, idempotencyKey: string) => {
      const boundary = "----sceau-idempotency";
      const payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      );
      return t.app.inject({
        method: "POST",
        url: "/api/v1/verify",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "idempotency-key": idempotencyKey,
        },
        payload,
      });
    };
    const first = await upload("not a pdf at all", "upload-1");
    expect(first.statusCode, first.body).toBe(200);
    const again = await upload("not a pdf at all", "upload-1");
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    // Boundaries differ between two sends of one upload: multipart is matched on method and path.
    expect((await upload("another file", "upload-1")).headers["idempotent-replayed"]).toBe("true");
    expect((await upload("another file", "upload-2")).headers["idempotent-replayed"]).toBeUndefined();
  });

  it("runs two identical requests sent at once only once", async () => {
    const { newKey, post, count } = await setup();
    const key = await newKey();
    const answers = await Promise.all([1, 2, 3].map(() => post(key, learner("race"), "race-key")));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) {
      if (a.statusCode === 409) expect(a.json().error.code).toBe("idempotency_key_in_progress");
      else expect(a.statusCode).toBe(201);
    }
    expect(await count()).toBe(1);
  });
});
