import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { hostileRequests, type OpenApiDocument } from "../support/openapi-hostile-requests.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/**
 * Every operation the OpenAPI document describes, with a NUL (U+0000) and a lone surrogate in each
 * path parameter, a query parameter and each string field of its JSON body, anonymous and signed
 * in as an operator who administers an institution: no answer is a 5xx.
 */
describe.each(BACKENDS)("hostile characters in every operation on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let orgSlug: string;
  let operator: { email: string; password: string };
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    operator = await makeUser(t.core, { operator: true, institutionId: inst.id });
    orgSlug = `org-${uniq()}`;
    const c = new TestClient(t.app);
    await c.signIn(operator.email, operator.password);
    const org = await c.post("/api/v1/operator/organizations", {
      slug: orgSlug,
      nameFr: "Ordre hostile",
      nameEn: "Hostile order",
      kind: "licensing",
      country: "ca",
      contactEmail: `contact-${orgSlug}@org.test`,
    });
    expect(org.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pathValue = (path: string, name: string): string => {
    if (name === "slug") return /\/organizations\//.test(path) ? orgSlug : inst.slug;
    if (name === "token") return "t".repeat(43);
    if (name === "key") return "google";
    return crypto.randomUUID();
  };

  it("answers no 5xx to a NUL or a lone surrogate anywhere, anonymous or signed in", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument;
    const requests = hostileRequests(doc, pathValue);
    expect(requests.length).toBeGreaterThan(300);
    const anonymous = new TestClient(t.app);
    const staff = new TestClient(t.app);
    await staff.signIn(operator.email, operator.password);
    const offenders: string[] = [];
    for (const r of requests) {
      for (const [who, client] of [
        ["anonymous", anonymous],
        ["operator", staff],
      ] as const) {
        const res = await client.raw(r.method, r.url, r.body === undefined ? {} : { body: r.body });
        if (res.statusCode >= 500)
          offenders.push(
            `${who} ${r.method} ${r.url} (${r.where}) → ${res.statusCode} ${res.body.slice(0, 80)}`,
          );
        // Some hostile requests may still sign the session out (sign-out, revoke-all): sign in again.
        if (who === "operator" && !staff.sessionCookie) await staff.signIn(operator.email, operator.password);
      }
    }
    expect(offenders).toEqual([]);
  });
});
