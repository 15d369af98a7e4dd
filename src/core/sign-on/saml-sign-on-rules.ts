import type { SamlAssertion, SamlEndpoints } from "./sign-on.ports.ts";
import type { SamlSettings, SignOnIdentity } from "./sign-on.types.ts";

/** The portal's SAML endpoints for an institution: its metadata URL is its entity id. */
export function samlEndpoints(publicUrl: string, slug: string): SamlEndpoints {
  const base = `${publicUrl.replace(/\/+$/, "")}/saml/${encodeURIComponent(slug)}`;
  return { entityId: `${base}/metadata`, acsUrl: `${base}/acs` };
}

/** An AuthnRequest ID: an XML NCName (it starts with "_") around ≥256 random bits. */
export const samlRequestId = (randomToken: string): string => `_${randomToken}`;

const first = (values: string[] | undefined): string | null =>
  values?.find((v) => v.trim() !== "")?.trim() ?? null;

/** The identity a validated assertion designates, through the institution's attribute mapping. */
export function samlIdentity(settings: SamlSettings, assertion: SamlAssertion): SignOnIdentity {
  const emailAttribute = settings.emailAttribute.trim() || "email";
  // fromEntries defines own properties: an attribute named "__proto__" stays a plain key.
  const claims = Object.fromEntries(
    Object.entries(assertion.attributes).map(([name, values]) => [name, values.join(", ")]),
  );
  return {
    subject: assertion.nameId,
    studentNumber: settings.studentNumberAttribute
      ? first(assertion.attributes[settings.studentNumberAttribute])
      : null,
    email: first(assertion.attributes[emailAttribute]),
    claims,
  };
}
