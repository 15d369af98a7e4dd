import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderRecord, OidcClientConfig } from "./sign-on.ports.ts";
import type { IdentityProvider, OidcSettings, SignOnIdentity } from "./sign-on.types.ts";

/** How long a sign-on round trip may take, from the start to the provider's answer. */
export const SIGN_ON_TRANSACTION_MINUTES = 10;
/** The SecretBox purpose of identity providers' client secrets. */
export const PROVIDER_SECRET_PURPOSE = "identity-provider";
/** The one redirect URI registered at every OpenID provider (PUBLIC_URL + this path). */
export const OIDC_CALLBACK_PATH = "/api/v1/sign-on/oidc/callback";

export const oidcRedirectUri = (deps: Pick<CoreDeps, "settings">): string =>
  `${deps.settings.publicUrl.replace(/\/+$/, "")}${OIDC_CALLBACK_PATH}`;

/** A provider as routes return it: never the secret, only whether one is stored. */
export function presentIdentityProvider(p: IdentityProviderRecord): IdentityProvider {
  const { sealedSecret, createdAt, updatedAt, ...rest } = p;
  return {
    ...rest,
    hasSecret: sealedSecret !== null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The relying-party configuration of an OIDC provider, with its secret opened. */
export function oidcConfigOf(
  deps: Pick<CoreDeps, "secretBox">,
  provider: IdentityProviderRecord & { protocol: "oidc" },
): OidcClientConfig {
  return {
    issuer: provider.settings.issuer,
    clientId: provider.settings.clientId,
    clientSecret: provider.sealedSecret
      ? deps.secretBox.open(PROVIDER_SECRET_PURPOSE, provider.sealedSecret)
      : null,
  };
}

const claimText = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
};

const MAX_CLAIMS = 40;
const MAX_CLAIM_CHARS = 200;

/** Every claim as a short string (objects as JSON), for an administrator's connection test. */
export function claimsAsText(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims).slice(0, MAX_CLAIMS)) {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    out[k.slice(0, 100)] = (text ?? "").slice(0, MAX_CLAIM_CHARS);
  }
  return out;
}

/** Maps verified OIDC claims to the identity: `sub`, the student number claim and the email claim. */
export function mapOidcIdentity(claims: Record<string, unknown>, settings: OidcSettings): SignOnIdentity {
  const subject = claimText(claims.sub);
  if (!subject) throw new DomainError("sign_on_failed");
  const email = claimText(claims[settings.emailClaim || "email"]);
  return {
    subject,
    studentNumber: settings.studentNumberClaim ? claimText(claims[settings.studentNumberClaim]) : null,
    email: email?.includes("@") ? email : null,
    claims: claimsAsText(claims),
  };
}

/** Normalises OIDC settings: trimmed, "openid" always among the scopes, the email claim defaulted. */
export function normalizeOidcSettings(s: OidcSettings): OidcSettings {
  const scopes = new Set(s.scopes.split(/\s+/).filter(Boolean));
  scopes.add("openid");
  return {
    issuer: s.issuer.trim(),
    clientId: s.clientId.trim(),
    scopes: ["openid", ...[...scopes].filter((x) => x !== "openid")].join(" "),
    studentNumberClaim: s.studentNumberClaim?.trim() || null,
    emailClaim: s.emailClaim.trim() || "email",
  };
}
