import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Logger } from "pino";
import type { AppDeps } from "../composition/app-deps.ts";
import { createLogger } from "../composition/logger.ts";
import type { Config } from "../config/config.ts";
import { authenticate } from "../core/accounts/authenticate.ts";
import { DomainError } from "../core/errors.ts";
import { apiKeyActor, bearerToken, checkApiKeyScope, isBearerOnly } from "./http/api-key-auth.ts";
import { SESSION_COOKIE } from "./http/auth.ts";
import { errorHandler } from "./http/error-handler.ts";
import { frameworkErrorHandler } from "./http/framework-error-handler.ts";
import { installIdempotency } from "./http/idempotency.ts";
import { refuseForbiddenCharacters } from "./http/refuse-forbidden-characters.ts";
import { sendError } from "./http/send-error.ts";
import { pageStylesheetRoutes } from "./pages/page-stylesheet.ts";
import { publicShareHead } from "./public-share-head.ts";
import { apiKeyRoutes } from "./routes/api-keys/api-key-routes.ts";
import { auditRoutes } from "./routes/audit/audit-routes.ts";
import { emailRoutes } from "./routes/auth/email-routes.ts";
import { passwordRoutes } from "./routes/auth/password-routes.ts";
import { privacyRoutes } from "./routes/auth/privacy-routes.ts";
import { sessionRoutes } from "./routes/auth/session-routes.ts";
import { twoFactorRoutes } from "./routes/auth/two-factor-routes.ts";
import { claimRoutes } from "./routes/claims/claim-routes.ts";
import { dashboardRoutes } from "./routes/dashboard/dashboard-routes.ts";
import { outboxRoutes } from "./routes/dev/outbox-routes.ts";
import { documentTypeRoutes } from "./routes/document-types/document-type-routes.ts";
import { documentRoutes } from "./routes/documents/document-routes.ts";
import { institutionRoutes } from "./routes/institutions/institution-routes.ts";
import { invitationRoutes } from "./routes/institutions/invitation-routes.ts";
import { staffRoutes } from "./routes/institutions/staff-routes.ts";
import { batchRoutes } from "./routes/issuance/batch-routes.ts";
import { issueRoutes } from "./routes/issuance/issue-routes.ts";
import { learnerInvitationRoutes } from "./routes/issuance/learner-invitation-routes.ts";
import { learnerRoutes } from "./routes/learners/learner-routes.ts";
import { inboxRoutes } from "./routes/organizations/inbox-routes.ts";
import { organizationRoutes } from "./routes/organizations/organization-routes.ts";
import { organizationStaffRoutes } from "./routes/organizations/organization-staff-routes.ts";
import { paymentWebhookRoutes, STRIPE_WEBHOOK_PATH } from "./routes/payments/payment-webhook-routes.ts";
import { revenueRoutes } from "./routes/payments/revenue-routes.ts";
import { walletPaymentRoutes } from "./routes/payments/wallet-payment-routes.ts";
import { recipientShareRoutes } from "./routes/sharing/recipient-share-routes.ts";
import { shareRoutes } from "./routes/sharing/share-routes.ts";
import { oidcRoutes } from "./routes/sign-on/oidc-routes.ts";
import { samlRoutes } from "./routes/sign-on/saml-routes.ts";
import { signOnSettingsRoutes } from "./routes/sign-on/sign-on-settings-routes.ts";
import { systemRoutes } from "./routes/system/system-routes.ts";
import { userRoutes } from "./routes/users/user-routes.ts";
import { pkiRoutes } from "./routes/verification/pki-routes.ts";
import { timestampRoutes } from "./routes/verification/timestamp-routes.ts";
import { verificationRoutes } from "./routes/verification/verification-routes.ts";
import { walletRoutes } from "./routes/wallet/wallet-routes.ts";
import { serveWeb } from "./serve-web.ts";

export const BODY_LIMIT = 1024 * 1024;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Public writes that carry no cookie and need no CSRF token (added by later features, e.g. verification). */
const CSRF_EXEMPT = new Set<string>(["/api/v1/verify", STRIPE_WEBHOOK_PATH]);

/** Builds the Fastify app. It never listens: main.ts does, and tests use app.inject. */
export async function buildApp(
  config: Config,
  deps: AppDeps,
  logger: Logger = createLogger(config),
): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // U+0000 and lone surrogates, refused once for every route (docs/api.md, "Characters"): a root
  // hook cannot be forgotten by a future route, whether or not its schema declares strings.
  app.addHook("preValidation", refuseForbiddenCharacters);
  // JSON only: text/plain bodies are refused with 415.
  app.removeContentTypeParser("text/plain");
  app.decorateRequest("actor", null);

  // Security headers: helmet's middleware built once (@fastify/helmet rebuilt it, parsing the CSP,
  // on every request), applied to every answer.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(fastifyCookie, { secret: deps.cookieSecret });
  await app.register(fastifyCsrf, {
    cookieKey: "sceau_csrf",
    cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, signed: true, secure: config.secure },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Sceau API",
        description:
          "Certified academic documents. Every error body is bilingual: {error:{code,message:{fr,en}}}.",
        version: deps.version,
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description:
              "An institution's API key (sceau_…), created by its administrators. Routes marked with a scope (issue, read, revoke) accept it; others answer 403 api_key_scope. POST accepts an Idempotency-Key header (docs/api.md).",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  // Protected by default: an anonymous caller learns nothing, not even which bodies a route accepts.
  const admit = (req: FastifyRequest) => {
    if (!req.actor && req.routeOptions.url?.startsWith("/api/v1/") && !req.routeOptions.config.public)
      throw new DomainError("unauthenticated");
    checkApiKeyScope(req);
  };
  app.addHook("onRequest", (req, reply, done) => {
    reply.header("x-request-id", req.id);
    // An API key (Authorization: Bearer) speaks for itself; otherwise the session cookie. Without
    // either, nothing to look up: answered synchronously.
    const bearer = bearerToken(req);
    const token = req.cookies[SESSION_COOKIE];
    const lookup =
      bearer !== null
        ? apiKeyActor(deps.core, req, bearer)
        : token
          ? authenticate(deps.core, token, req.ip ?? null)
          : null;
    if (!lookup) {
      try {
        admit(req);
      } catch (err) {
        return done(err as Error);
      }
      return done();
    }
    lookup
      .then((actor) => {
        req.actor = actor;
        admit(req);
      })
      .then(
        () => done(),
        (err: Error) => done(err),
      );
  });
  app.addHook("onRequest", (req, reply, done) => {
    const path = req.url.split("?", 1)[0] ?? "";
    if (!UNSAFE.has(req.method) || !path.startsWith("/api/") || CSRF_EXEMPT.has(path)) return done();
    if (isBearerOnly(req)) return done();
    app.csrfProtection(req, reply, done);
  });
  installIdempotency(app, deps.core);

  const ctx = { config, deps };
  await app.register(systemRoutes, ctx);
  await app.register(sessionRoutes, ctx);
  await app.register(passwordRoutes, ctx);
  await app.register(emailRoutes, ctx);
  await app.register(twoFactorRoutes, ctx);
  await app.register(privacyRoutes, ctx);
  await app.register(invitationRoutes, ctx);
  await app.register(institutionRoutes, ctx);
  await app.register(staffRoutes, ctx);
  await app.register(learnerRoutes, ctx);
  await app.register(documentTypeRoutes, ctx);
  await app.register(documentRoutes, ctx);
  await app.register(issueRoutes, ctx);
  await app.register(batchRoutes, ctx);
  await app.register(learnerInvitationRoutes, ctx);
  await app.register(userRoutes, ctx);
  await app.register(outboxRoutes, ctx);
  await app.register(verificationRoutes, ctx);
  await app.register(pkiRoutes, ctx);
  await app.register(timestampRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await app.register(apiKeyRoutes, ctx);
  await app.register(dashboardRoutes, ctx);
  await app.register(claimRoutes, ctx);
  await app.register(walletRoutes, ctx);
  await app.register(walletPaymentRoutes, ctx);
  await app.register(paymentWebhookRoutes, ctx);
  await app.register(revenueRoutes, ctx);
  await app.register(shareRoutes, ctx);
  await app.register(recipientShareRoutes, ctx);
  await app.register(organizationRoutes, ctx);
  await app.register(organizationStaffRoutes, ctx);
  await app.register(inboxRoutes, ctx);
  await app.register(pageStylesheetRoutes);
  await app.register(samlRoutes, ctx);
  await app.register(oidcRoutes, ctx);
  await app.register(signOnSettingsRoutes, ctx);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const notFoundJson = (path: string) =>
    path.startsWith("/api/") || path.startsWith("/pki/") || path === "/healthz";
  if (deps.webRoot)
    await serveWeb(app, deps.webRoot, notFoundJson, (token) => publicShareHead(deps.core, token));
  else app.setNotFoundHandler((_req, reply) => sendError(reply, "not_found"));
  return app;
}
