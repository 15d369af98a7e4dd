import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_MESSAGES } from "../../../core/error-messages.ts";
import { type ErrorCode, isDomainError } from "../../../core/errors.ts";
import { completeSamlSignOn } from "../../../core/sign-on/complete-saml-sign-on.ts";
import { getSamlMetadata } from "../../../core/sign-on/get-saml-metadata.ts";
import { startSamlSignOn, startSamlTest } from "../../../core/sign-on/start-saml-sign-on.ts";
import { clientInfo, PUBLIC, requireActor } from "../../http/auth.ts";
import { ERROR_STATUS } from "../../http/error-status.ts";
import { Slug } from "../../http/inputs.ts";
import { sendSignInOutcome, TOTP_STEP_PAGE } from "../../http/sign-in-outcome.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";
import { signOnFailurePage, signOnTestResultPage } from "./sign-on-pages.ts";

/** A SAMLResponse of a few signed kilobytes, base64 and URL-encoded, fits easily; more is refused unread. */
export const ACS_BODY_LIMIT = 256 * 1024;

const AcsBody = z.object({
  SAMLResponse: z.string().min(1).max(ACS_BODY_LIMIT),
  RelayState: z.string().max(500).optional(),
});

/** The code a failure of a browser-facing SAML endpoint shows (never the details of an unexpected one). */
function codeOf(error: FastifyError): ErrorCode {
  if (isDomainError(error)) return error.code;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) return "payload_too_large";
  if (error.statusCode === 415) return "unsupported_media_type";
  if (error.statusCode === 429) return "rate_limited";
  if (error.statusCode === 404) return "not_found";
  if (error.validation || error.statusCode === 400 || error instanceof SyntaxError) return "sign_on_failed";
  return "internal";
}

/** The browser-facing endpoints answer with a bilingual page, not JSON; refusals are logged with their reason. */
function htmlErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = codeOf(error);
  if (code === "internal") request.log.error({ err: error }, "unexpected error");
  else if (code === "sign_on_failed")
    request.log.warn({ reason: error.cause ?? error.message }, "SAML sign-on refused");
  else request.log.info({ code }, "SAML endpoint refused the request");
  return reply
    .code(ERROR_STATUS[code])
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(signOnFailurePage(ERROR_MESSAGES[code]));
}

/** Metadata, start and Assertion Consumer Service: what a browser or an IdP reaches directly. */
async function samlBrowserRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  app.setErrorHandler(htmlErrorHandler);
  // The IdP's page posts a form: parsed here only, for the ACS, within a tight size limit.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: ACS_BODY_LIMIT },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const hide = { hide: true };

  r.get(
    "/saml/:slug/metadata",
    { schema: { ...hide, params: z.strictObject({ slug: Slug }) } },
    async (req, reply) =>
      reply
        .type("application/samlmetadata+xml; charset=utf-8")
        .header("cache-control", "public, max-age=300")
        .send(await getSamlMetadata(deps.core, req.params.slug)),
  );

  r.get(
    "/api/v1/sign-on/:slug/saml/start",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags: ["sign-on"],
        summary:
          "Sign in with the institution's SAML identity provider: redirects there with an AuthnRequest",
        params: z.strictObject({ slug: Slug }),
      },
    },
    async (req, reply) => {
      const url = await startSamlSignOn(deps.core, req.params.slug);
      return reply.header("cache-control", "no-store").redirect(url, 303);
    },
  );

  r.post(
    "/saml/:slug/acs",
    {
      config: authRateLimit(config),
      bodyLimit: ACS_BODY_LIMIT,
      schema: { ...hide, params: z.strictObject({ slug: Slug }), body: AcsBody },
    },
    async (req, reply) => {
      const done = await completeSamlSignOn(deps.core, {
        slug: req.params.slug,
        samlResponse: req.body.SAMLResponse,
        client: clientInfo(req),
      });
      reply.header("cache-control", "no-store");
      if (done.purpose === "test") {
        return reply
          .type("text/html; charset=utf-8")
          .send(
            signOnTestResultPage(
              "saml",
              done.result,
              `/institutions/${encodeURIComponent(done.institutionSlug)}/sign-on`,
            ),
          );
      }
      const sent = sendSignInOutcome(reply, done.outcome, config.secure);
      return reply.redirect(sent.status === "signed_in" ? "/wallet" : TOTP_STEP_PAGE, 303);
    },
  );
}

/** SAML 2.0 institution sign-on: the browser endpoints and the administrators' test round trip. */
export async function samlRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  await app.register(samlBrowserRoutes, ctx);

  r.post(
    "/api/v1/institutions/:slug/sign-on/saml/test",
    {
      schema: {
        tags: ["sign-on"],
        summary:
          "Start a SAML connection test (administrators): the IdP URL to open; the answer shows the attributes received and signs nobody in",
        params: z.strictObject({ slug: Slug }),
        response: { 200: z.object({ url: z.string() }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ url: await startSamlTest(ctx.deps.core, requireActor(req), req.params.slug) }),
  );
}
