import type {
  IdentityProvider,
  InstitutionSignOnInput,
  LinkedAccount,
  PublicSignOnProvider,
  SignOnInstitution,
  SignOnTestReport,
  SocialProviderInput,
} from "../../core/sign-on/sign-on.types.ts";
import { request } from "./http.ts";

const institutionBase = (slug: string) => `/api/v1/institutions/${encodeURIComponent(slug)}/sign-on`;

export const signOnKeys = {
  options: ["sign-on", "options"] as const,
  institution: (slug: string) => ["institutions", slug, "sign-on"] as const,
  social: ["operator", "sign-on-providers"] as const,
  linked: ["account", "linked-accounts"] as const,
};

export const getSignOnOptions = () =>
  request<{ institutions: SignOnInstitution[]; providers: PublicSignOnProvider[] }>(
    "GET",
    "/api/v1/sign-on/options",
  );

export const getInstitutionSignOn = (slug: string) =>
  request<{ provider: IdentityProvider | null; oidcRedirectUri: string }>("GET", institutionBase(slug));

export const saveInstitutionSignOn = (slug: string, input: InstitutionSignOnInput) =>
  request<{ provider: IdentityProvider }>("PUT", institutionBase(slug), { json: input });

export const checkInstitutionSignOn = (slug: string) =>
  request<SignOnTestReport>("POST", `${institutionBase(slug)}/check`);

/** Starts a test sign-in; the answer is the identity provider's URL to open. */
export const startSignOnTest = (slug: string, protocol: "oidc" | "saml") =>
  request<{ url: string }>("POST", `${institutionBase(slug)}/${protocol}/test`);

export const listSocialProviders = () =>
  request<{ providers: IdentityProvider[]; oidcRedirectUri: string }>(
    "GET",
    "/api/v1/operator/sign-on-providers",
  );

export const saveSocialProvider = ({ key, ...input }: SocialProviderInput) =>
  request<{ provider: IdentityProvider }>(
    "PUT",
    `/api/v1/operator/sign-on-providers/${encodeURIComponent(key)}`,
    {
      json: { ...input, settings: { ...input.settings, studentNumberClaim: undefined } },
    },
  );

export const removeSocialProvider = (key: string) =>
  request<void>("DELETE", `/api/v1/operator/sign-on-providers/${encodeURIComponent(key)}`);

export const checkSocialProvider = (key: string) =>
  request<SignOnTestReport>("POST", `/api/v1/operator/sign-on-providers/${encodeURIComponent(key)}/check`);

export const listLinkedAccounts = () =>
  request<{ providers: PublicSignOnProvider[]; linked: LinkedAccount[]; hasPassword: boolean }>(
    "GET",
    "/api/v1/account/linked-accounts",
  );

export const startLink = (key: string) =>
  request<{ url: string }>("POST", `/api/v1/account/linked-accounts/${encodeURIComponent(key)}/start`);

export const unlinkAccount = (id: string) =>
  request<void>("DELETE", `/api/v1/account/linked-accounts/${encodeURIComponent(id)}`);

/** Where the browser goes to sign in with an institution's sign-on or a linked account (full-page navigations). */
export const institutionSignOnUrl = (slug: string) => `/api/v1/sign-on/${encodeURIComponent(slug)}/start`;
export const socialSignOnUrl = (key: string) => `/api/v1/sign-on/social/${encodeURIComponent(key)}/start`;
