import type { SamlEndpoints, SamlValidation } from "../../core/sign-on/sign-on.ports.ts";
import type { SamlSettings } from "../../core/sign-on/sign-on.types.ts";

const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

/** A node of node-saml's xml2js view of the signed assertion (prefixes stripped, text under "_"). */
type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: unknown };

const kids = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  return Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === "object") as XmlNode[]) : [];
};
const text = (node: XmlNode | undefined): string => (typeof node?._ === "string" ? node._.trim() : "");
const attr = (node: XmlNode | undefined, name: string): string | null => node?.$?.[name] ?? null;
const time = (value: string | null): number | null => {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NaN : ms;
};

interface Expected {
  sp: SamlEndpoints;
  idp: SamlSettings;
  now: Date;
  skewMs: number;
  /** The Response's InResponseTo (unsigned envelope), when present. */
  responseInResponseTo: string | null;
}

/** The attribute values of the assertion, as strings (values with child elements are skipped). */
function readAttributes(assertion: XmlNode): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const statement of kids(assertion, "AttributeStatement")) {
    for (const attribute of kids(statement, "Attribute")) {
      const name = attr(attribute, "Name");
      if (!name) continue;
      const raw = attribute.AttributeValue;
      const values = (Array.isArray(raw) ? raw : [])
        .map((v) => (typeof v === "string" ? v.trim() : text(v as XmlNode)))
        .filter((v) => v.length > 0);
      out.set(name, [...(out.get(name) ?? []), ...values]);
    }
  }
  // fromEntries defines own properties: an attribute named "__proto__" stays a plain key.
  return Object.fromEntries(out);
}

/**
 * The checks node-saml leaves out for login responses, on the assertion it verified the signature
 * of (never on the unsigned envelope): the Issuer is the IdP; a bearer SubjectConfirmation names our
 * ACS URL as Recipient, answers a request (InResponseTo, equal to the envelope's when it has one)
 * and is within its time window (NotOnOrAfter required); the assertion has an ID and a NameID.
 */
export function checkSignedAssertion(parsed: unknown, expected: Expected): SamlValidation {
  // xml2js with explicitRoot: { Assertion: {…} } (the root element is an object, not a list).
  const root = (parsed as XmlNode | undefined)?.Assertion;
  const assertion =
    root !== null && typeof root === "object" && !Array.isArray(root) ? (root as XmlNode) : undefined;
  if (!assertion) return { ok: false, reason: "no signed assertion" };
  const id = attr(assertion, "ID");
  if (!id) return { ok: false, reason: "assertion without ID" };
  if (text(kids(assertion, "Issuer")[0]) !== expected.idp.idpEntityId) {
    return { ok: false, reason: "wrong assertion Issuer" };
  }
  const subject = kids(assertion, "Subject")[0];
  const nameId = text(kids(subject, "NameID")[0]);
  if (!nameId) return { ok: false, reason: "no NameID" };

  const now = expected.now.getTime();
  const skew = expected.skewMs;
  let reason = "no bearer SubjectConfirmation";
  let confirmed: { inResponseTo: string; notOnOrAfter: number } | null = null;
  for (const confirmation of kids(subject, "SubjectConfirmation")) {
    if (attr(confirmation, "Method") !== BEARER) continue;
    const data = kids(confirmation, "SubjectConfirmationData")[0];
    const notBefore = time(attr(data, "NotBefore"));
    const notOnOrAfter = time(attr(data, "NotOnOrAfter"));
    const inResponseTo = attr(data, "InResponseTo");
    if (attr(data, "Recipient") !== expected.sp.acsUrl) reason = "wrong Recipient";
    else if (!inResponseTo) reason = "no InResponseTo (unsolicited responses are refused)";
    else if (notOnOrAfter === null || Number.isNaN(notOnOrAfter)) reason = "no NotOnOrAfter";
    else if (now - skew >= notOnOrAfter) reason = "subject confirmation expired";
    else if (notBefore !== null && (Number.isNaN(notBefore) || now + skew < notBefore)) {
      reason = "subject confirmation not yet valid";
    } else {
      confirmed = { inResponseTo, notOnOrAfter };
      break;
    }
  }
  if (!confirmed) return { ok: false, reason };
  if (expected.responseInResponseTo !== null && expected.responseInResponseTo !== confirmed.inResponseTo) {
    return { ok: false, reason: "InResponseTo differs between response and assertion" };
  }
  const conditionsEnd = time(attr(kids(assertion, "Conditions")[0], "NotOnOrAfter"));
  const validUntil = Math.max(
    confirmed.notOnOrAfter,
    conditionsEnd && !Number.isNaN(conditionsEnd) ? conditionsEnd : 0,
  );
  return {
    ok: true,
    assertion: {
      assertionId: id,
      inResponseTo: confirmed.inResponseTo,
      validUntil: new Date(validUntil + skew),
      nameId,
      attributes: readAttributes(assertion),
    },
  };
}
