import { beforeAll, describe, expect, it } from "vitest";
import { nodeSamlServiceProvider } from "../../src/adapters/identity/node-saml-service-provider.ts";
import type { SamlValidation } from "../../src/core/sign-on/sign-on.ports.ts";
import type { SamlSettings } from "../../src/core/sign-on/sign-on.types.ts";
import {
  buildResponseXml,
  buildSamlResponse,
  createTestIdp,
  type ResponseOptions,
  readAuthnRequest,
  type TestIdp,
} from "../support/saml-idp.ts";

const sp = {
  entityId: "http://localhost:3000/saml/demo/metadata",
  acsUrl: "http://localhost:3000/saml/demo/acs",
};
const saml = nodeSamlServiceProvider({ clockSkewMs: 120_000 });
let idp: TestIdp;
let other: TestIdp;
let settings: SamlSettings;

beforeAll(async () => {
  idp = await createTestIdp();
  other = await createTestIdp("saml-other");
  settings = {
    idpSsoUrl: idp.ssoUrl,
    idpCertificatePem: idp.certificatePem,
    idpEntityId: idp.entityId,
    studentNumberAttribute: "studentNumber",
    emailAttribute: "email",
  };
}, 60_000);

const base = (over: Partial<ResponseOptions> = {}): ResponseOptions => ({
  sp,
  inResponseTo: "_req1",
  nameId: "u-123",
  attributes: { studentNumber: "2024001", email: "ada@example.test" },
  ...over,
});
const validate = (samlResponse: string, now = new Date()) =>
  saml.validateResponse(sp, settings, samlResponse, now);
const reason = (v: SamlValidation) => (v.ok ? "accepted" : v.reason);

describe("SAML service provider (node-saml adapter)", () => {
  it("writes metadata that asks for signed assertions at our ACS URL", () => {
    const xml = saml.metadata(sp);
    expect(xml).toContain(`entityID="${sp.entityId}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain(`Location="${sp.acsUrl}"`);
    expect(xml).toContain("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    expect(xml).toContain("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
  });

  it("builds an HTTP-Redirect AuthnRequest with the given ID", async () => {
    const url = await saml.authorizeUrl(sp, settings, "_abc123", "");
    expect(url.startsWith(`${idp.ssoUrl}?`)).toBe(true);
    const request = readAuthnRequest(url);
    expect(request).toMatchObject({
      id: "_abc123",
      issuer: sp.entityId,
      acsUrl: sp.acsUrl,
      destination: idp.ssoUrl,
    });
  });

  it("accepts a response whose assertion is signed by the IdP and returns what it vouches for", async () => {
    const v = await validate(buildSamlResponse(idp, base({ assertionId: "_a1" })));
    expect(v).toMatchObject({
      ok: true,
      assertion: {
        assertionId: "_a1",
        inResponseTo: "_req1",
        nameId: "u-123",
        attributes: { studentNumber: ["2024001"], email: ["ada@example.test"] },
      },
    });
  });

  it.each<[string, Partial<ResponseOptions>, RegExp]>([
    ["unsigned", { sign: "none" }, /signature/i],
    ["signed by another key", { signWith: undefined }, /signature/i],
    ["wrong audience", { audience: "https://other-sp.test/metadata" }, /audience/i],
    ["wrong recipient", { recipient: "https://evil.test/acs" }, /Recipient/],
    ["wrong destination", { destination: "https://evil.test/acs" }, /Destination/],
    ["wrong issuer", { issuer: "https://evil-idp.test" }, /Issuer/],
    ["no InResponseTo (unsolicited)", { inResponseTo: null }, /InResponseTo/],
    ["InResponseTo differing", { responseInResponseTo: "_other" }, /InResponseTo/],
    ["a failure status", { statusCode: "urn:oasis:names:tc:SAML:2.0:status:Requester" }, /status/],
    ["a second unsigned assertion beside", { wrapping: "beside" }, /multiple assertions/],
    ["the signed assertion hidden in Extensions", { wrapping: "signed-hidden-in-extensions" }, /signature/i],
    ["expired", { notOnOrAfter: new Date(Date.now() - 10 * 60_000) }, /expired/],
    ["not yet valid", { notBefore: new Date(Date.now() + 10 * 60_000) }, /not yet valid/],
  ])("refuses a response %s", async (_name, over, expected) => {
    const options = base(over);
    if (_name === "signed by another key") options.signWith = other;
    const v = await validate(buildSamlResponse(idp, options));
    expect(v.ok).toBe(false);
    expect(reason(v)).toMatch(expected);
  });

  it("uses the given clock, with two minutes of skew", async () => {
    const response = buildSamlResponse(idp, base());
    expect((await validate(response, new Date(Date.now() + 6 * 60_000))).ok).toBe(true);
    expect(reason(await validate(response, new Date(Date.now() + 8 * 60_000)))).toMatch(/expired/);
  });

  it.each([
    ["not base64", "@@@not base64@@@"],
    ["base64 of garbage", Buffer.from([0xff, 0xfe, 0x00, 0x12]).toString("base64")],
    ["malformed XML", Buffer.from("<samlp:Response><unclosed>").toString("base64")],
    ["not a Response", Buffer.from("<a/>").toString("base64")],
    ["a DTD", Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>').toString("base64")],
    ["empty", ""],
  ])("refuses %s without throwing", async (_name, input) => {
    expect((await validate(input)).ok).toBe(false);
  });

  it("refuses an altered signed assertion", async () => {
    const xml = buildResponseXml(idp, base()).replace("2024001", "2024999");
    expect(reason(await validate(Buffer.from(xml).toString("base64")))).toMatch(/signature/i);
  });
});
