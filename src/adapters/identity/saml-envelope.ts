import { DOMParser } from "@xmldom/xmldom";
import type { SamlEndpoints } from "../../core/sign-on/sign-on.ports.ts";
import type { SamlSettings } from "../../core/sign-on/sign-on.types.ts";

export const SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
export const SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
/** A response of a few assertions and attributes is a few kilobytes; anything past this is refused unread. */
export const MAX_SAML_RESPONSE_CHARS = 256 * 1024;

export type SamlEnvelope = { ok: true; inResponseTo: string | null } | { ok: false; reason: string };

/** The XML of a base64 SAMLResponse field, or null when it is not strict base64 of UTF-8 text. */
export function decodeSamlResponse(samlResponse: string): string | null {
  const compact = samlResponse.replace(/[\r\n\t ]/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(compact, "base64"));
  } catch {
    return null;
  }
}

/** Parses XML, or null on any parser error or warning (node-saml parses it again itself). */
export function parseXml(xml: string): Document | null {
  let failed = false;
  const fail = () => {
    failed = true;
  };
  const doc = new DOMParser({
    errorHandler: { warning: fail, error: fail, fatalError: fail },
  }).parseFromString(xml, "text/xml");
  return failed || !doc?.documentElement ? null : doc;
}

const childrenNamed = (parent: Element, ns: string, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name) {
      out.push(n as Element);
    }
  }
  return out;
};

/**
 * The checks on the unsigned part of a Response (the envelope around the signed assertion):
 * strict base64, well-formed XML with no DTD, a samlp:Response, status Success, Destination (when
 * present) our ACS URL, Issuer (when present) the IdP. What it vouches for is taken from the signed
 * assertion only; the envelope's InResponseTo, when present, must match the assertion's.
 */
export function readSamlEnvelope(
  samlResponse: string,
  expected: { sp: SamlEndpoints; idp: SamlSettings },
): SamlEnvelope {
  if (samlResponse.length > MAX_SAML_RESPONSE_CHARS) return { ok: false, reason: "response too large" };
  const xml = decodeSamlResponse(samlResponse);
  if (xml === null) return { ok: false, reason: "not base64 of UTF-8 text" };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: "DTDs are refused" };
  const doc = parseXml(xml);
  const root = doc?.documentElement;
  if (!root || root.namespaceURI !== SAMLP_NS || root.localName !== "Response") {
    return { ok: false, reason: "not a SAML Response" };
  }
  const destination = root.getAttribute("Destination");
  if (destination && destination !== expected.sp.acsUrl) return { ok: false, reason: "wrong Destination" };
  const issuers = childrenNamed(root, SAML_NS, "Issuer");
  if (issuers.some((i) => (i.textContent ?? "").trim() !== expected.idp.idpEntityId)) {
    return { ok: false, reason: "wrong response Issuer" };
  }
  const status = childrenNamed(root, SAMLP_NS, "Status")[0];
  const code = status ? childrenNamed(status, SAMLP_NS, "StatusCode")[0]?.getAttribute("Value") : null;
  if (code !== SUCCESS) return { ok: false, reason: `status ${code ?? "missing"}`.slice(0, 120) };
  return { ok: true, inResponseTo: root.getAttribute("InResponseTo") || null };
}
