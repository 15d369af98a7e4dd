import type {
  LinkedAccount,
  ProtocolSettings,
  SamlSettings,
  SignOnInstitution,
  SignOnPurpose,
  SignOnTestReport,
} from "./sign-on.types.ts";

/** identity_providers: an institution's identity provider (institutionId set) or a portal-wide social one (null). */
export type IdentityProviderRecord = {
  id: string;
  institutionId: string | null;
  key: string;
  nameFr: string;
  nameEn: string;
  enabled: boolean;
  /** The OIDC client secret sealed with SecretBox (purpose "identity-provider"), or null. */
  sealedSecret: Uint8Array | null;
  createdAt: Date;
  updatedAt: Date;
} & ProtocolSettings;

export type IdentityProviderWrite = Omit<IdentityProviderRecord, "id" | "createdAt" | "updatedAt">;

export interface IdentityProviderStore {
  findById(id: string): Promise<IdentityProviderRecord | null>;
  /** institutionId null: the operator's providers. */
  findByKey(institutionId: string | null, key: string): Promise<IdentityProviderRecord | null>;
  /** The operator's (social) providers, by key. */
  listSocial(): Promise<IdentityProviderRecord[]>;
  /** Institutions whose identity provider is enabled, by French name. */
  listSignOnInstitutions(): Promise<SignOnInstitution[]>;
  /** null when the key is taken (per institution, or among the operator's). */
  create(input: IdentityProviderWrite, now: Date): Promise<IdentityProviderRecord | null>;
  update(id: string, input: IdentityProviderWrite, now: Date): Promise<IdentityProviderRecord | null>;
  remove(id: string): Promise<boolean>;
}

/** sso_transactions: a sign-on round trip in progress (state stored hashed; single use; short-lived). */
export interface SsoTransactionRecord {
  id: string;
  providerId: string;
  stateHash: string;
  nonce: string | null;
  codeVerifier: string | null;
  purpose: SignOnPurpose;
  /** The signed-in user who started a "link" or "test" round trip. */
  userId: string | null;
  returnTo: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface SsoTransactionStore {
  create(
    input: Omit<SsoTransactionRecord, "id" | "createdAt" | "usedAt">,
    now: Date,
  ): Promise<SsoTransactionRecord>;
  findByStateHash(stateHash: string): Promise<SsoTransactionRecord | null>;
  /** Marks it used if unused and unexpired; false otherwise (a replay, or too late). */
  consume(id: string, now: Date): Promise<boolean>;
  /** Drops transactions that expired before this date. */
  purgeExpired(before: Date): Promise<void>;
}

export interface LinkedAccountRecord {
  id: string;
  userId: string;
  providerId: string;
  subject: string;
  email: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface LinkedAccountStore {
  /** The user's linked accounts with their provider's key and names, oldest first. */
  listForUser(userId: string): Promise<LinkedAccount[]>;
  findBySubject(providerId: string, subject: string): Promise<LinkedAccountRecord | null>;
  findForUser(userId: string, id: string): Promise<LinkedAccountRecord | null>;
  /** null when this subject of the provider is linked already (to anyone). */
  create(
    input: { userId: string; providerId: string; subject: string; email: string | null },
    now: Date,
  ): Promise<LinkedAccountRecord | null>;
  remove(userId: string, id: string): Promise<boolean>;
  touch(id: string, now: Date): Promise<void>;
}

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/**
 * An OpenID Connect relying party (authorization code flow with PKCE S256, state and nonce).
 * The adapter caches discovery per configuration.
 */
export interface OidcClient {
  /** Discovery and a check that the metadata can serve the portal (never throws: a report). */
  check(config: OidcClientConfig): Promise<SignOnTestReport>;
  /** The provider's authorization URL for this round trip (the PKCE challenge is derived from codeVerifier). */
  authorizationUrl(
    config: OidcClientConfig,
    request: { redirectUri: string; scopes: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<string>;
  /**
   * Completes a round trip from the callback URL: exchanges the code with the PKCE verifier and
   * validates the ID token (signature, issuer, audience, expiry, nonce) and the state. Returns the
   * ID token's claims merged under the userinfo response (when the provider has one). Throws
   * DomainError "sign_on_failed" on any failure.
   */
  callback(
    config: OidcClientConfig,
    response: { callbackUrl: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<Record<string, unknown>>;
}

/** The portal's two SAML endpoints for one institution. */
export interface SamlEndpoints {
  /** Our entity id: the audience every assertion must name. */
  entityId: string;
  /** Our Assertion Consumer Service URL: the Recipient and Destination. */
  acsUrl: string;
}

/** What a SAML response vouched for, once every check held. */
export interface SamlAssertion {
  /** The assertion's ID (remembered hashed until validUntil: a second use is a replay). */
  assertionId: string;
  /** The AuthnRequest id it answers, from the signed assertion (SubjectConfirmationData). */
  inResponseTo: string;
  /** The end of its time window plus the clock skew. */
  validUntil: Date;
  /** The NameID: the IdP's identifier of the person. */
  nameId: string;
  /** Attribute name → its values, as sent. */
  attributes: Record<string, string[]>;
}

/** A SAML response is a result, not a crash: the reason (for logs, never for the browser) when refused. */
export type SamlValidation = { ok: true; assertion: SamlAssertion } | { ok: false; reason: string };

/** The portal as a SAML 2.0 service provider of an institution's identity provider. */
export interface SamlServiceProvider {
  /** The SP metadata XML (entity id, ACS URL with HTTP-POST, NameID format, WantAssertionsSigned). */
  metadata(sp: SamlEndpoints): string;
  /** The IdP's SSO URL carrying an AuthnRequest with this ID (HTTP-Redirect binding). */
  authorizeUrl(sp: SamlEndpoints, idp: SamlSettings, requestId: string, relayState: string): Promise<string>;
  /**
   * Checks a base64 SAMLResponse (HTTP-POST binding): a signed assertion (the configured IdP
   * certificate only), status, issuers, audience, Recipient and Destination, time windows at `now`
   * with a small skew, an InResponseTo. Never throws on hostile input.
   */
  validateResponse(
    sp: SamlEndpoints,
    idp: SamlSettings,
    samlResponse: string,
    now: Date,
  ): Promise<SamlValidation>;
}

/** saml_assertions_seen: the IDs (hashed) of assertions accepted, until they expire. */
export interface SamlReplayStore {
  /** Remembers the assertion; false when it was seen already (a replay). Drops expired rows first. */
  remember(idHash: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Forgets the assertions whose window has closed; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}
