import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { activateAccount } from "../../../core/claims/activate-account.ts";
import { checkClaim } from "../../../core/claims/check-claim.ts";
import { claimIntoAccount } from "../../../core/claims/claim-into-account.ts";
import { completeClaim } from "../../../core/claims/complete-claim.ts";
import { clientInfo, PUBLIC, requireActor, SESSION_COOKIE } from "../../http/auth.ts";
import { Email, Locale, Password, Token } from "../../http/inputs.ts";
import { SignInOut, sendSignInOutcome } from "../../http/sign-in-outcome.ts";
import { ClaimPreviewOut } from "../../presenters/claim-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

const ClaimSecret = z.string().max(100);
const ClaimToken = z.string().min(1).max(400);

/** The learner's access-code journey: check the code, create the account, activate it (no session needed). */
export async function claimRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["claims"];

  r.post(
    "/api/v1/claims/check",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary:
          "Check an access code and its claim password (one answer for every failure; the code locks after 5 wrong passwords)",
        body: z.strictObject({ code: ClaimSecret, password: ClaimSecret }),
        response: { 200: z.object({ claim: ClaimPreviewOut }), ...errors(400, 429) },
      },
    },
    async (req) => ({ claim: await checkClaim(deps.core, req.body) }),
  );

  r.post(
    "/api/v1/claims/complete",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Create the learner's account from a checked claim; an activation link is emailed",
        body: z.strictObject({
          claimToken: ClaimToken,
          email: Email,
          password: Password,
          acceptTerms: z.literal(true),
          locale: Locale,
        }),
        response: { 201: z.object({ email: z.string() }), ...errors(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const done = await completeClaim(deps.core, {
        claimToken: req.body.claimToken,
        email: req.body.email,
        password: req.body.password,
        locale: req.body.locale,
        ip: clientInfo(req).ip,
      });
      return reply.code(201).send(done);
    },
  );

  r.post(
    "/api/v1/claims/attach",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary:
          "I already have an account: claim a checked access code into the signed-in account (the wallet then lists these documents too)",
        body: z.strictObject({ claimToken: ClaimToken }),
        response: { 200: z.object({ institutionSlug: z.string() }), ...errors(400, 401, 403, 429) },
      },
    },
    async (req) => claimIntoAccount(deps.core, requireActor(req), req.body),
  );

  r.post(
    "/api/v1/claims/activate",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Open an activation link: verifies the email and signs in (new session)",
        body: z.strictObject({ token: Token }),
        response: { 200: SignInOut, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      const result = await activateAccount(deps.core, {
        token: req.body.token,
        previousToken: req.cookies[SESSION_COOKIE] ?? null,
        ...clientInfo(req),
      });
      return sendSignInOutcome(reply, result, config.secure);
    },
  );
}
