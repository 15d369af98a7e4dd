import type { LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import type { Learner } from "../../src/core/learners/learners.types.ts";
import { samlEndpoints } from "../../src/core/sign-on/saml-sign-on-rules.ts";
import type { SamlEndpoints } from "../../src/core/sign-on/sign-on.ports.ts";
import { INSTITUTION_PROVIDER_KEY } from "../../src/core/sign-on/sign-on.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, signedInClient, uniq } from "../support/factories.ts";
import {
  buildResponseXml,
  buildSamlResponse,
  createTestIdp,
  type ResponseOptions,
  readAuthnRequest,
  type TestIdp,
} from "../support/saml-idp.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const MINUTE = 60_000;

describe.each(BACKENDS)("SAML institution sign-on on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let inst2: Institution;
  let type: DocumentType;
  let idp: TestIdp;
  let otherKey: TestIdp;
  let sp: SamlEndpoints;

  const configure = async (institution: Institution, enabled = true) =>
    t.core.stores.identityProviders.create(
      {
        institutionId: institution.id,
        key: INSTITUTION_PROVIDER_KEY,
        nameFr: institution.nameFr,
        nameEn: institution.nameEn,
        enabled,
        protocol: "saml",
        settings: {
          idpSsoUrl: idp.ssoUrl,
          idpCertificatePem: idp.certificatePem,
          idpEntityId: idp.entityId,
          studentNumberAttribute: "studentNumber",
          emailAttribute: "mail",
        },
        sealedSecret: null,
      },
      new Date(),
    );

  beforeAll(async () => {
    t = await startTestApp(backend);
    idp = await createTestIdp();
    otherKey = await createTestIdp("saml-other");
    inst = await makeInstitution(t.core);
    inst2 = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
    await configure(inst);
    await configure(inst2);
    sp = samlEndpoints(t.config.publicUrl, inst.slug);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    t.clock.offsetMs = 0;
  });

  /** Starts a sign-in: the AuthnRequest the browser is sent to the IdP with. */
  const start = async (c: TestClient, slug = inst.slug) => {
    const res = await c.get(`/api/v1/sign-on/${slug}/saml/start`);
    expect(res.statusCode).toBe(303);
    return readAuthnRequest(res.headers.location as string);
  };
  /** What the IdP's page posts to the ACS. */
  const postAcs = (
    c: TestClient,
    body: string,
    slug = inst.slug,
    contentType = "application/x-www-form-urlencoded",
  ) =>
    c.raw("POST", `/saml/${slug}/acs`, {
      payload: body,
      headers: { "content-type": contentType },
      csrf: false,
    });
  const postResponse = (c: TestClient, samlResponse: string, slug = inst.slug) =>
    postAcs(c, new URLSearchParams({ SAMLResponse: samlResponse, RelayState: "" }).toString(), slug);
  const learnerWithDocument = async () => {
    const learner = await makeLearner(t.core, inst, { givenName: "Léa" });
    const { document } = await makeDocument(t.core, inst, { learner, type });
    return { learner, document };
  };
  const responseFor = (learner: Learner, inResponseTo: string | null, over: Partial<ResponseOptions> = {}) =>
    buildSamlResponse(idp, {
      sp,
      inResponseTo,
      nameId: `nid-${learner.id}`,
      attributes: { studentNumber: learner.studentNumber, mail: learner.institutionalEmail ?? "" },
      ...over,
    });
  const expectRefusedPage = (res: LightMyRequestResponse, status = 400) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain("Connexion impossible");
    expect(res.body).toContain("Sign-on failed");
    expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:|signature|stack/i);
    expect(res.cookies.some((k) => k.name === "sceau_session")).toBe(false);
  };

  it("publishes the SP metadata of each institution (public)", async () => {
    const res = await new TestClient(t.app).get(`/saml/${inst.slug}/metadata`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/samlmetadata\+xml/);
    expect(res.body).toContain(`entityID="${sp.entityId}"`);
    expect(res.body).toContain(`Location="${sp.acsUrl}"`);
    expect(res.body).toContain('WantAssertionsSigned="true"');
    expect(res.body).toContain("nameid-format:persistent");
    expect(sp).toEqual({
      entityId: `http://localhost:3000/saml/${inst.slug}/metadata`,
      acsUrl: `http://localhost:3000/saml/${inst.slug}/acs`,
    });
    expectRefusedPage(await new TestClient(t.app).get("/saml/no-such-school/metadata"), 404);
  });

  it("links its refused page to the portal's page stylesheet, served from the portal (the CSP allows 'self' styles only)", async () => {
    const c = new TestClient(t.app);
    const page = await c.get("/saml/no-such-school/metadata");
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page.body)?.[1];
    expect(href).toBe("/pages/page.css");
    expect(page.headers["content-security-policy"]).toContain("style-src 'self'");
    const css = await c.get(href as string);
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    expect(css.body).toContain(".brand{");
  });

  it("starts with an AuthnRequest whose ID is stored only hashed, for 10 minutes, purpose sign_in", async () => {
    const request = await start(new TestClient(t.app));
    expect(request).toMatchObject({ issuer: sp.entityId, acsUrl: sp.acsUrl, destination: idp.ssoUrl });
    expect(request.id).toMatch(/^_[A-Za-z0-9_-]{43,}$/);
    const row = await t.core.stores.ssoTransactions.findByStateHash(t.core.secrets.hashToken(request.id));
    expect(row).toMatchObject({ purpose: "sign_in", usedAt: null, userId: null });
    const ttl = (row?.expiresAt.getTime() ?? 0) - Date.now();
    expect(ttl).toBeGreaterThan(9 * MINUTE);
    expect(ttl).toBeLessThanOrEqual(10 * MINUTE + 1000);
    expect(await snapshotDatabase(t.runtime.database)).not.toContain(request.id);
  });

  it("refuses to start for an unknown institution or one whose sign-on is off", async () => {
    const off = await makeInstitution(t.core);
    await configure(off, false);
    const none = await makeInstitution(t.core);
    for (const slug of [off.slug, none.slug, "no-such-school"]) {
      expectRefusedPage(await new TestClient(t.app).get(`/api/v1/sign-on/${slug}/saml/start`), 404);
    }
  });

  it("signs a learner in from a valid signed response, straight into a wallet with their document", async () => {
    const { learner, document } = await learnerWithDocument();
    const c = new TestClient(t.app);
    const request = await start(c);
    const res = await postResponse(c, responseFor(learner, request.id));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/wallet");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(c.sessionCookie).toBeTruthy();
    const wallet = await c.get("/api/v1/wallet/documents");
    expect(wallet.json().documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const me = (await c.get("/api/v1/auth/me")).json().user;
    expect(me.email).toBe(learner.institutionalEmail);
    const row = await t.core.stores.ssoTransactions.findByStateHash(t.core.secrets.hashToken(request.id));
    expect(row?.usedAt).toBeInstanceOf(Date);
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "sign_on.signed_in",
      limit: 20,
    });
    expect(events.find((e) => e.targetId === learner.id)?.details).toMatchObject({ protocol: "saml" });
  });

  it("refuses the same response a second time (replay), writing nothing", async () => {
    const { learner } = await learnerWithDocument();
    const c = new TestClient(t.app);
    const request = await start(c);
    const response = responseFor(learner, request.id);
    expect((await postResponse(c, response)).statusCode).toBe(303);
    const before = await snapshotDatabase(t.runtime.database);
    expectRefusedPage(await postResponse(new TestClient(t.app), response));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  type Attack = [string, (learner: Learner, requestId: string) => string];
  const attacks: Attack[] = [
    ["an unsigned response", (l, id) => responseFor(l, id, { sign: "none" })],
    ["a response signed by another key", (l, id) => responseFor(l, id, { signWith: otherKey })],
    ["a wrong audience", (l, id) => responseFor(l, id, { audience: "https://other-sp.test/metadata" })],
    ["a wrong recipient", (l, id) => responseFor(l, id, { recipient: "https://evil.test/saml/acs" })],
    ["a wrong destination", (l, id) => responseFor(l, id, { destination: "https://evil.test/saml/acs" })],
    ["a wrong issuer", (l, id) => responseFor(l, id, { issuer: "https://evil-idp.test" })],
    [
      "an expired assertion",
      (l, id) => responseFor(l, id, { notOnOrAfter: new Date(Date.now() - 5 * MINUTE) }),
    ],
    [
      "an assertion not valid yet",
      (l, id) => responseFor(l, id, { notBefore: new Date(Date.now() + 10 * MINUTE) }),
    ],
    ["an unknown InResponseTo", (l) => responseFor(l, `_${uniq()}${uniq()}`)],
    ["no InResponseTo (unsolicited)", (l) => responseFor(l, null)],
    [
      "a second, unsigned assertion beside the signed one",
      (l, id) => responseFor(l, id, { wrapping: "beside" }),
    ],
    [
      "the signed assertion moved aside for an unsigned one",
      (l, id) => responseFor(l, id, { wrapping: "signed-hidden-in-extensions" }),
    ],
    [
      "an altered attribute in the signed assertion",
      (l, id) =>
        Buffer.from(
          buildResponseXml(idp, {
            sp,
            inResponseTo: id,
            nameId: "x",
            attributes: { studentNumber: l.studentNumber, mail: "x@y.test" },
          }).replace(l.studentNumber, "S-other"),
        ).toString("base64"),
    ],
    [
      "a failure status",
      (l, id) => responseFor(l, id, { statusCode: "urn:oasis:names:tc:SAML:2.0:status:Responder" }),
    ],
    ["malformed base64", () => "%%% not base64 %%%"],
    ["malformed XML", () => Buffer.from("<samlp:Response><oops").toString("base64")],
    ["XML with a DTD", () => Buffer.from('<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>').toString("base64")],
  ];

  it.each(attacks)(
    "refuses %s with a bilingual page, no session and nothing written",
    async (_name, make) => {
      const { learner } = await learnerWithDocument();
      const c = new TestClient(t.app);
      const request = await start(c);
      const before = await snapshotDatabase(t.runtime.database);
      expectRefusedPage(await postResponse(c, make(learner, request.id)));
      expect(await snapshotDatabase(t.runtime.database)).toBe(before);
      expect(c.sessionCookie).toBeUndefined();
    },
  );

  it("refuses a valid response once the portal's clock has moved past it", async () => {
    const { learner } = await learnerWithDocument();
    const c = new TestClient(t.app);
    const request = await start(c);
    const response = responseFor(learner, request.id);
    const before = await snapshotDatabase(t.runtime.database);
    t.clock.advance(8 * MINUTE);
    expectRefusedPage(await postResponse(c, response));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses an answer to another institution's request, and a request that expired", async () => {
    const { learner } = await learnerWithDocument();
    const c = new TestClient(t.app);
    const theirs = await start(c, inst2.slug);
    const before = await snapshotDatabase(t.runtime.database);
    expectRefusedPage(await postResponse(c, responseFor(learner, theirs.id)));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);

    const ours = await start(c);
    t.clock.advance(11 * MINUTE);
    const late = responseFor(learner, ours.id, { now: t.clock.now() });
    const before2 = await snapshotDatabase(t.runtime.database);
    expectRefusedPage(await postResponse(c, late));
    expect(await snapshotDatabase(t.runtime.database)).toBe(before2);
  });

  it("refuses bad bodies without a 500: too large, missing field, wrong type", async () => {
    const c = new TestClient(t.app);
    await start(c);
    const before = await snapshotDatabase(t.runtime.database);
    const huge = new URLSearchParams({ SAMLResponse: "A".repeat(300 * 1024) }).toString();
    expectRefusedPage(await postAcs(c, huge), 413);
    expectRefusedPage(await postAcs(c, "RelayState=x"));
    expectRefusedPage(await postAcs(c, ""));
    expectRefusedPage(await postAcs(c, JSON.stringify({ SAMLResponse: "x" }), inst.slug, "application/json"));
    expectRefusedPage(await postAcs(c, "SAMLResponse=x", inst.slug, "text/plain"), 415);
    expectRefusedPage(await postAcs(c, "SAMLResponse=x", "no-such-school"), 404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
  });

  it("refuses a learner unknown to the institution with the shared journey's message", async () => {
    const c = new TestClient(t.app);
    const request = await start(c);
    const stranger = buildSamlResponse(idp, {
      sp,
      inResponseTo: request.id,
      nameId: "nobody",
      attributes: { studentNumber: "S-nobody", mail: "nobody@example.test" },
    });
    const res = await postResponse(c, stranger);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("pas encore de documents");
    expect(c.sessionCookie).toBeUndefined();
  });

  describe("connection test", () => {
    const startTest = (c: TestClient, slug = inst.slug) =>
      c.post(`/api/v1/institutions/${slug}/sign-on/saml/test`);

    it("shows an administrator what the IdP sent and how it maps, signing nobody in", async () => {
      const { learner } = await learnerWithDocument();
      const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
      const adminSession = admin.sessionCookie;
      const res = await startTest(admin);
      expect(res.statusCode).toBe(200);
      const request = readAuthnRequest(res.json().url);
      const row = await t.core.stores.ssoTransactions.findByStateHash(t.core.secrets.hashToken(request.id));
      expect(row).toMatchObject({ purpose: "test" });
      expect(row?.userId).toBeTruthy();

      const page = await postResponse(
        admin,
        responseFor(learner, request.id, {
          attributes: {
            studentNumber: learner.studentNumber,
            mail: learner.institutionalEmail ?? "",
            "<b>odd</b>": "<script>alert(1)</script>",
          },
        }),
      );
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.body).toContain("Test de connexion SAML réussi");
      expect(page.body).toContain("SAML connection test passed");
      expect(page.body).toContain(learner.studentNumber);
      expect(page.body).toContain(`nid-${learner.id}`);
      expect(page.body).toMatch(/Learner found in the institution<\/dt><dd>Yes/);
      expect(page.body).not.toContain("<script>");
      expect(page.body).toContain("&lt;script&gt;");
      expect(page.cookies).toEqual([]);
      expect(admin.sessionCookie).toBe(adminSession);
      expect(await t.core.stores.learners.linkedUserId(learner.id)).toBeNull();
    });

    it("works while sign-on is still off, and answers 404 to outsiders", async () => {
      const off = await makeInstitution(t.core);
      await configure(off, false);
      const admin = await signedInClient(t, { institutionId: off.id, role: "institution_admin" });
      expect((await startTest(admin, off.slug)).statusCode).toBe(200);

      const before = await snapshotDatabase(t.runtime.database);
      expect((await startTest(new TestClient(t.app), off.slug)).statusCode).toBe(401);
      const outsiders = [
        await signedInClient(t),
        await signedInClient(t, { institutionId: inst.id, role: "institution_admin" }),
        await signedInClient(t, { institutionId: off.id, role: "issuer" }),
      ];
      for (const c of outsiders) {
        const res = await startTest(c, off.slug);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe("not_found");
      }
      const none = await makeInstitution(t.core);
      const noneAdmin = await signedInClient(t, { institutionId: none.id, role: "institution_admin" });
      expect((await startTest(noneAdmin, none.slug)).statusCode).toBe(404);
      const after = JSON.parse(await snapshotDatabase(t.runtime.database));
      const prior = JSON.parse(before);
      // Only the users and memberships of the outsiders themselves were added.
      expect(after.sso_transactions).toEqual(prior.sso_transactions);
    });

    it("needs the CSRF token", async () => {
      const admin = await signedInClient(t, { institutionId: inst.id, role: "institution_admin" });
      const res = await admin.raw("POST", `/api/v1/institutions/${inst.slug}/sign-on/saml/test`, {
        csrf: false,
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
