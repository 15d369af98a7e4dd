import { z } from "zod";
import { isHttpUrl } from "../../core/is-http-url.ts";

/** An http(s) URL (the adapter further refuses http outside loopback in development). */
const HttpUrl = z.string().trim().max(500).refine(isHttpUrl, "an http(s) URL");

const ClaimName = z.string().trim().max(100);

export const OidcSettingsIn = z.strictObject({
  issuer: HttpUrl,
  clientId: z.string().trim().min(1).max(300),
  scopes: z.string().trim().max(500).default("openid email profile"),
  studentNumberClaim: ClaimName.nullable().default(null),
  emailClaim: ClaimName.default("email"),
});

export const SamlSettingsIn = z.strictObject({
  idpSsoUrl: HttpUrl,
  idpCertificatePem: z.string().trim().min(1).max(20000),
  idpEntityId: z.string().trim().min(1).max(500),
  studentNumberAttribute: ClaimName.nullable().default(null),
  emailAttribute: ClaimName.default("email"),
});

const Name = z.string().trim().min(1).max(120);
const Secret = z.string().min(1).max(1000);

export const InstitutionSignOnIn = z.discriminatedUnion("protocol", [
  z.strictObject({
    protocol: z.literal("oidc"),
    enabled: z.boolean(),
    nameFr: Name.optional(),
    nameEn: Name.optional(),
    settings: OidcSettingsIn,
    clientSecret: Secret.optional(),
  }),
  z.strictObject({
    protocol: z.literal("saml"),
    enabled: z.boolean(),
    nameFr: Name.optional(),
    nameEn: Name.optional(),
    settings: SamlSettingsIn,
  }),
]);

export const SocialProviderIn = z.strictObject({
  nameFr: Name,
  nameEn: Name,
  enabled: z.boolean(),
  settings: OidcSettingsIn.omit({ studentNumberClaim: true }),
  clientSecret: Secret.optional(),
});

const common = {
  id: z.string(),
  institutionId: z.string().nullable(),
  key: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  enabled: z.boolean(),
  hasSecret: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** What leaves the server about a provider: never the secret (the serializer drops unknown fields). */
export const IdentityProviderOut = z.discriminatedUnion("protocol", [
  z.object({
    ...common,
    protocol: z.literal("oidc"),
    settings: z.object({
      issuer: z.string(),
      clientId: z.string(),
      scopes: z.string(),
      studentNumberClaim: z.string().nullable(),
      emailClaim: z.string(),
    }),
  }),
  z.object({
    ...common,
    protocol: z.literal("saml"),
    settings: z.object({
      idpSsoUrl: z.string(),
      idpCertificatePem: z.string(),
      idpEntityId: z.string(),
      studentNumberAttribute: z.string().nullable(),
      emailAttribute: z.string(),
    }),
  }),
]);

export const TestReportOut = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ id: z.string(), ok: z.boolean(), detail: z.string().optional() })),
});

export const PublicProviderOut = z.object({ key: z.string(), nameFr: z.string(), nameEn: z.string() });

/** An institution whose own sign-on is enabled, as the sign-in page lists it. */
export const InstitutionSignOnOptionOut = PublicProviderOut.omit({ key: true }).extend({
  slug: z.string(),
  protocol: z.enum(["oidc", "saml"]),
});

export const LinkedAccountOut = z.object({
  id: z.string(),
  providerKey: z.string(),
  providerNameFr: z.string(),
  providerNameEn: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
