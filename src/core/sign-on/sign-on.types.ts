/**
 * Single sign-on: an institution's identity provider (OpenID Connect or SAML 2.0) and the portal's
 * "social" OpenID Connect providers (Google, Microsoft, LinkedIn…) that users link to their account.
 * Stored in `identity_providers`: `settings` (jsonb) holds {@link OidcSettings} or
 * {@link SamlSettings}; the OIDC client secret is sealed apart (`sealed_secret`) and never leaves the server.
 */

export type SignOnProtocol = "oidc" | "saml";

/** Why a sign-on round trip was started (sso_transactions.purpose). */
export type SignOnPurpose = "sign_in" | "link" | "test";

/** The key of an institution's own identity provider (one per institution). */
export const INSTITUTION_PROVIDER_KEY = "institution";

/** identity_providers.settings for protocol "oidc". */
export interface OidcSettings {
  /** The issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Space-separated; always includes "openid". */
  scopes: string;
  /** The ID token / userinfo claim that carries the student number, or null (match by email only). */
  studentNumberClaim: string | null;
  /** The claim that carries the email address (default "email"). */
  emailClaim: string;
}

/** identity_providers.settings for protocol "saml" (institutions only). */
export interface SamlSettings {
  /** The IdP's single sign-on URL (HTTP-Redirect binding). */
  idpSsoUrl: string;
  /** The IdP's signing certificate, PEM; assertions must be signed with it. */
  idpCertificatePem: string;
  /** The IdP's entity id (the Issuer of its responses). */
  idpEntityId: string;
  /** The attribute that carries the student number, or null (match by email only). */
  studentNumberAttribute: string | null;
  /** The attribute that carries the email address (default "email"). */
  emailAttribute: string;
}

interface IdentityProviderCommon {
  id: string;
  /** null: one of the operator's portal-wide (social) providers. */
  institutionId: string | null;
  /** Short name in URLs: INSTITUTION_PROVIDER_KEY for an institution's, "google", "microsoft"… for social ones. */
  key: string;
  nameFr: string;
  nameEn: string;
  enabled: boolean;
  /** True when a client secret is stored (the secret itself is never returned). */
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The protocol with its settings (the shape of identity_providers.protocol + settings). */
export type ProtocolSettings =
  | { protocol: "oidc"; settings: OidcSettings }
  | { protocol: "saml"; settings: SamlSettings };

/** A provider as routes return it (no secret). */
export type IdentityProvider = IdentityProviderCommon & ProtocolSettings;

/** What an institution administrator submits (the secret is write-only: omitted keeps the stored one). */
export type InstitutionSignOnInput = {
  enabled: boolean;
  nameFr?: string;
  nameEn?: string;
} & (
  | { protocol: "oidc"; settings: OidcSettings; clientSecret?: string }
  | { protocol: "saml"; settings: SamlSettings }
);

/** What the operator submits for a social provider (OIDC only). */
export interface SocialProviderInput {
  key: string;
  nameFr: string;
  nameEn: string;
  enabled: boolean;
  settings: OidcSettings;
  /** Omitted keeps the stored one. */
  clientSecret?: string;
}

/**
 * The identity a provider vouched for, after the protocol checks (signature, issuer, audience,
 * nonce or InResponseTo, time window) and the claim mapping. Both protocols produce it.
 */
export interface SignOnIdentity {
  /** The provider's stable id for the person (OIDC `sub`, SAML NameID). */
  subject: string;
  /** The mapped student number, when the provider is configured with a claim for it and sent it. */
  studentNumber: string | null;
  /** The mapped email address, when sent. */
  email: string | null;
  /** Every claim or attribute received, as strings (shown to administrators by a connection test). */
  claims: Record<string, string>;
}

/** One check of a connection test. */
export interface SignOnCheck {
  id:
    | "discovery"
    | "issuer"
    | "authorization_endpoint"
    | "token_endpoint"
    | "jwks"
    | "code_flow"
    | "pkce"
    | "settings";
  ok: boolean;
  detail?: string;
}

/** The result of "Test connection" (metadata) for an institution's or a social provider. */
export interface SignOnTestReport {
  ok: boolean;
  checks: SignOnCheck[];
}

/** The result of a full test sign-in (purpose "test"): what the provider sent and how it maps; nobody is signed in. */
export interface SignOnTestResult {
  providerKey: string;
  subject: string;
  studentNumber: string | null;
  email: string | null;
  claims: Record<string, string>;
  /** Whether a learner of the institution matches (by student number, else email). */
  learnerFound: boolean;
}

/** A user's linked account as the profile shows it. */
export interface LinkedAccount {
  id: string;
  providerKey: string;
  providerNameFr: string;
  providerNameEn: string;
  email: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A provider anyone may use on the sign-in page (no settings). */
export interface PublicSignOnProvider {
  key: string;
  nameFr: string;
  nameEn: string;
}

/** An institution whose sign-on is enabled, for "Sign in with your institution". */
export interface SignOnInstitution {
  slug: string;
  nameFr: string;
  nameEn: string;
  protocol: SignOnProtocol;
}
