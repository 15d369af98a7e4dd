import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_MESSAGES } from "../../../core/error-messages.ts";
import { isDomainError } from "../../../core/errors.ts";
import { completeOidcSignOn } from "../../../core/sign-on/complete-oidc-sign-on.ts";
import { INSTITUTION_PROVIDER_KEY } from "../../../core/sign-on/sign-on.types.ts";
import { OIDC_CALLBACK_PATH } from "../../../core/sign-on/sign-on-rules.ts";
import {
  type StartedSignOn,
  startAccountLink,
  startInstitutionSignOn,
  startSignOnTest,
  startSocialSignOn,
} from "../../../core/sign-on/start-oidc-sign-on.ts";
import { clientInfo, PUBLIC, requireActor, SESSION_COOKIE } from "../../http/auth.ts";
import { ERROR_STATUS } from "../../http/error-status.ts";
import { Slug } from "../../http/inputs.ts";
import { sendSignInOutcome, TOTP_STEP_PAGE } from "../../http/sign-in-outcome.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";
import { signOnFailurePage, signOnTestResultPage } from "./sign-on-pages.ts";

/** Binds a round trip to the browser that started it: the state, sent back only to the callback. */
export const SIGN_ON_STATE_COOKIE = "sceau_sign_on_state";
const ProviderKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

function bindBrowser(reply: FastifyReply, started: StartedSignOn, secure: boolean) {
  reply.setCookie(SIGN_ON_STATE_COOKIE, started.state, {
    path: OIDC_CALLBACK_PATH,
    httpOnly: true,
    // Lax: the provider brings the browser back with a top-level GET from its own site.
    sameSite: "lax",
    secure,
    expires: started.expiresAt,
  });
  reply.header("cache-control", "no-store");
}

/** A refused browser round trip answers with a bilingual page (the reason goes to the log only). */
function htmlErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = isDomainError(error) ? error.code : error.statusCode === 429 ? "rate_limited" : "internal";
  if (code === "internal") request.log.error({ err: error }, "unexpected error");
  else request.log.warn({ code, reason: error.cause ?? error.message }, "OIDC sign-on refused");
  return reply
    .code(ERROR_STATUS[code])
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(signOnFailurePage(ERROR_MESSAGES[code]));
}

/** What a browser reaches directly: the starts of a sign-in and the provider's callback. */
async function oidcBrowserRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  app.setErrorHandler(htmlErrors);
  const tags = ["sign-on"];

  r.get(
    "/api/v1/sign-on/:slug/start",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Sign in with the institution's sign-on: redirects to its identity provider (OIDC or SAML)",
        params: z.strictObject({ slug: Slug }),
      },
    },
    async (req, reply) => {
      const inst = await deps.core.stores.institutions.findBySlug(req.params.slug);
      const provider = inst
        ? await deps.core.stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY)
        : null;
      if (provider?.protocol === "saml") {
        return reply.redirect(`/api/v1/sign-on/${encodeURIComponent(req.params.slug)}/saml/start`, 303);
      }
      const started = await startInstitutionSignOn(deps.core, req.params.slug);
      bindBrowser(reply, started, config.secure);
      return reply.redirect(started.url, 303);
    },
  );

  r.get(
    "/api/v1/sign-on/social/:key/start",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Sign in with an account linked to a Sceau account: redirects to the provider",
        params: z.strictObject({ key: ProviderKey }),
      },
    },
    async (req, reply) => {
      const started = await startSocialSignOn(deps.core, req.params.key);
      bindBrowser(reply, started, config.secure);
      return reply.redirect(started.url, 303);
    },
  );

  r.get(
    OIDC_CALLBACK_PATH,
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "The redirect URI registered at every OpenID provider (code, state)",
        querystring: z.record(z.string(), z.string().max(4096)),
      },
    },
    async (req, reply) => {
      const query = req.query as Record<string, string>;
      const browserState = req.cookies[SIGN_ON_STATE_COOKIE] ?? null;
      reply.clearCookie(SIGN_ON_STATE_COOKIE, {
        path: OIDC_CALLBACK_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: config.secure,
      });
      reply.header("cache-control", "no-store");
      const done = await completeOidcSignOn(deps.core, {
        state: query.state ?? null,
        browserState,
        callbackUrl: `${config.publicUrl.replace(/\/+$/, "")}${req.url}`,
        actor: req.actor,
        ...clientInfo(req),
        previousToken: req.cookies[SESSION_COOKIE] ?? null,
      });
      if (done.purpose === "test") {
        const inst = await deps.core.stores.institutions.findById(done.institutionId);
        return reply
          .type("text/html; charset=utf-8")
          .send(
            signOnTestResultPage(
              "oidc",
              done.result,
              `/institutions/${encodeURIComponent(inst?.slug ?? "")}/sign-on`,
            ),
          );
      }
      if (done.purpose === "link") {
        return reply.redirect(`/account?linked=${encodeURIComponent(done.providerKey)}#linked-accounts`, 303);
      }
      const sent = sendSignInOutcome(reply, done.outcome, config.secure);
      return reply.redirect(sent.status === "signed_in" ? "/wallet" : TOTP_STEP_PAGE, 303);
    },
  );
}

/** OpenID Connect: the browser round trips, and the starts of a link or a test from the web app (JSON, CSRF-checked). */
export async function oidcRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  const { deps, config } = ctx;
  await app.register(oidcBrowserRoutes, ctx);
  const Started = z.object({ url: z.string() });

  r.post(
    "/api/v1/account/linked-accounts/:key/start",
    {
      schema: {
        tags: ["sign-on"],
        summary: "Start linking an account of one of the portal's providers: the URL to open",
        params: z.strictObject({ key: ProviderKey }),
        response: { 200: Started, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const started = await startAccountLink(deps.core, requireActor(req), req.params.key);
      bindBrowser(reply, started, config.secure);
      return { url: started.url };
    },
  );

  r.post(
    "/api/v1/institutions/:slug/sign-on/oidc/test",
    {
      schema: {
        tags: ["sign-on"],
        summary:
          "Start an OIDC test sign-in (administrators): the URL to open; the answer shows the claims received and signs nobody in",
        params: z.strictObject({ slug: Slug }),
        response: { 200: Started, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const started = await startSignOnTest(deps.core, requireActor(req), req.params.slug);
      bindBrowser(reply, started, config.secure);
      return { url: started.url };
    },
  );
}
