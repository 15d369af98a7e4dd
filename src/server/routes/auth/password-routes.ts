import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { changePassword } from "../../../core/accounts/change-password.ts";
import { completePasswordReset } from "../../../core/accounts/complete-password-reset.ts";
import { requestPasswordReset } from "../../../core/accounts/request-password-reset.ts";
import { PUBLIC, requireActor } from "../../http/auth.ts";
import { Email, Locale, Password, Token } from "../../http/inputs.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

export async function passwordRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["auth"];

  r.post(
    "/api/v1/auth/password-reset",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Email a password reset link (same answer whether or not the account exists)",
        body: z.strictObject({ email: Email, locale: Locale.optional() }),
        response: { 202: z.object({ ok: z.literal(true) }), ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(deps.core, { email: req.body.email });
      return reply.code(202).send({ ok: true as const });
    },
  );

  r.post(
    "/api/v1/auth/password-reset/complete",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Choose a new password with a reset link's token",
        body: z.strictObject({ token: Token, password: Password }),
        response: { 204: z.null(), ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      await completePasswordReset(deps.core, req.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/auth/password",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary: "Change the password (other sessions are signed out)",
        body: z.strictObject({ currentPassword: Password, newPassword: Password }),
        response: { 204: z.null(), ...errors(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      await changePassword(deps.core, requireActor(req), req.body);
      return reply.code(204).send(null);
    },
  );
}
