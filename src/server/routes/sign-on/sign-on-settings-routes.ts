import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getInstitutionSignOn } from "../../../core/sign-on/get-institution-sign-on.ts";
import { listLinkedAccounts } from "../../../core/sign-on/list-linked-accounts.ts";
import { listSignOnOptions } from "../../../core/sign-on/list-sign-on-options.ts";
import {
  listSocialProviders,
  removeSocialProvider,
  saveSocialProvider,
} from "../../../core/sign-on/manage-social-providers.ts";
import { saveInstitutionSignOn } from "../../../core/sign-on/save-institution-sign-on.ts";
import { testInstitutionSignOn, testSocialProvider } from "../../../core/sign-on/test-sign-on-connection.ts";
import { unlinkAccount } from "../../../core/sign-on/unlink-account.ts";
import { PUBLIC, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { errors } from "../../presenters/schemas.ts";
import {
  IdentityProviderOut,
  InstitutionSignOnIn,
  InstitutionSignOnOptionOut,
  LinkedAccountOut,
  PublicProviderOut,
  SocialProviderIn,
  TestReportOut,
} from "../../presenters/sign-on-schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const ProviderKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** Sign-on settings (institution administrators, the operator), the sign-in page's options and the profile's linked accounts. */
export async function signOnSettingsRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["sign-on"];
  const SignOnOut = z.object({ provider: IdentityProviderOut.nullable(), oidcRedirectUri: z.string() });

  r.get(
    "/api/v1/sign-on/options",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "Institutions with sign-on enabled and the portal's providers, for the sign-in page",
        response: {
          200: z.object({
            institutions: z.array(InstitutionSignOnOptionOut),
            providers: z.array(PublicProviderOut),
          }),
        },
      },
    },
    async () => listSignOnOptions(deps.core),
  );

  const slugParams = z.strictObject({ slug: Slug });
  r.get(
    "/api/v1/institutions/:slug/sign-on",
    {
      schema: {
        tags,
        summary: "The institution's sign-on settings (administrators; never the client secret)",
        params: slugParams,
        response: { 200: SignOnOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => getInstitutionSignOn(deps.core, requireActor(req), req.params.slug),
  );

  r.put(
    "/api/v1/institutions/:slug/sign-on",
    {
      schema: {
        tags,
        summary:
          "Configure the institution's sign-on, OIDC or SAML (administrators; the secret is write-only)",
        params: slugParams,
        body: InstitutionSignOnIn,
        response: { 200: z.object({ provider: IdentityProviderOut }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => ({
      provider: await saveInstitutionSignOn(deps.core, requireActor(req), req.params.slug, req.body),
    }),
  );

  r.post(
    "/api/v1/institutions/:slug/sign-on/check",
    {
      schema: {
        tags,
        summary: "Test connection: OIDC discovery and metadata checks, or SAML settings",
        params: slugParams,
        response: { 200: TestReportOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => testInstitutionSignOn(deps.core, requireActor(req), req.params.slug),
  );

  const keyParams = z.strictObject({ key: ProviderKey });
  r.get(
    "/api/v1/operator/sign-on-providers",
    {
      schema: {
        tags,
        summary: "The portal's sign-in providers (operator; never the client secrets)",
        response: {
          200: z.object({ providers: z.array(IdentityProviderOut), oidcRedirectUri: z.string() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => listSocialProviders(deps.core, requireActor(req)),
  );

  r.put(
    "/api/v1/operator/sign-on-providers/:key",
    {
      schema: {
        tags,
        summary:
          "Create or change a portal sign-in provider, OpenID Connect (operator; the secret is write-only)",
        params: keyParams,
        body: SocialProviderIn,
        response: { 200: z.object({ provider: IdentityProviderOut }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({
      provider: await saveSocialProvider(deps.core, requireActor(req), {
        ...req.body,
        key: req.params.key,
        settings: { ...req.body.settings, studentNumberClaim: null },
      }),
    }),
  );

  r.delete(
    "/api/v1/operator/sign-on-providers/:key",
    {
      schema: {
        tags,
        summary: "Remove a portal sign-in provider and the accounts linked through it (operator)",
        params: keyParams,
        response: { 204: z.null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeSocialProvider(deps.core, requireActor(req), req.params.key);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/operator/sign-on-providers/:key/check",
    {
      schema: {
        tags,
        summary: "Test connection to a portal sign-in provider: discovery and metadata checks (operator)",
        params: keyParams,
        response: { 200: TestReportOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => testSocialProvider(deps.core, requireActor(req), req.params.key),
  );

  r.get(
    "/api/v1/account/linked-accounts",
    {
      schema: {
        tags,
        summary: "The signed-in user's linked accounts and the providers they may link",
        response: {
          200: z.object({
            providers: z.array(PublicProviderOut),
            linked: z.array(LinkedAccountOut),
            hasPassword: z.boolean(),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => listLinkedAccounts(deps.core, requireActor(req)),
  );

  r.delete(
    "/api/v1/account/linked-accounts/:id",
    {
      schema: {
        tags,
        summary: "Unlink an account (refused when it is the last way to sign in)",
        params: z.strictObject({ id: Uuid }),
        response: { 204: z.null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await unlinkAccount(deps.core, requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
