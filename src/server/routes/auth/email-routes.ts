import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { addEmail } from "../../../core/accounts/add-email.ts";
import { confirmEmail } from "../../../core/accounts/confirm-email.ts";
import { listAccountEmails } from "../../../core/accounts/list-account-emails.ts";
import { makeEmailPrimary } from "../../../core/accounts/make-email-primary.ts";
import { removeEmail } from "../../../core/accounts/remove-email.ts";
import { requireActor } from "../../http/auth.ts";
import { Email, Token, Uuid } from "../../http/inputs.ts";
import { AccountEmailsOut } from "../../presenters/account-email-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

/** The signed-in user's addresses: add (confirmed by an emailed link), confirm, remove, make primary. */
export async function emailRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["auth"];
  const list = (userId: string) => listAccountEmails(deps.core, userId);

  r.get(
    "/api/v1/auth/emails",
    {
      schema: {
        tags,
        summary:
          "The user's email addresses (primary first) and whether only institutional addresses are left to sign in with",
        response: { 200: AccountEmailsOut, ...errors(401) },
      },
    },
    async (req) => list(requireActor(req).user.id),
  );

  r.post(
    "/api/v1/auth/emails",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary:
          "Add a secondary address: a single-use link valid 24 hours is emailed to it; it counts once confirmed",
        body: z.strictObject({ email: Email }),
        response: { 201: AccountEmailsOut, ...errors(400, 401, 409, 429) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await addEmail(deps.core, actor, req.body);
      return reply.code(201).send(await list(actor.user.id));
    },
  );

  r.post(
    "/api/v1/auth/emails/confirm",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary:
          "Confirm a secondary address with the emailed link's token (signed in as the account that asked)",
        body: z.strictObject({ token: Token }),
        response: { 200: AccountEmailsOut, ...errors(400, 401, 404, 409, 429) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await confirmEmail(deps.core, actor, req.body);
      return list(actor.user.id);
    },
  );

  r.post(
    "/api/v1/auth/emails/:id/primary",
    {
      schema: {
        tags,
        summary: "Make a confirmed secondary address the primary one (the former primary stays, confirmed)",
        params: z.strictObject({ id: Uuid }),
        response: { 200: AccountEmailsOut, ...errors(401, 404, 409) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await makeEmailPrimary(deps.core, actor, req.params.id);
      return list(actor.user.id);
    },
  );

  r.delete(
    "/api/v1/auth/emails/:id",
    {
      schema: {
        tags,
        summary: "Remove a secondary address",
        params: z.strictObject({ id: Uuid }),
        response: { 204: z.null(), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      await removeEmail(deps.core, requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
