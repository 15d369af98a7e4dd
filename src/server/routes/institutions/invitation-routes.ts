import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { acceptInvitation } from "../../../core/institutions/accept-invitation.ts";
import { lookupInvitation } from "../../../core/institutions/lookup-invitation.ts";
import { clientInfo, PUBLIC } from "../../http/auth.ts";
import { DisplayName, Locale, Password, Token } from "../../http/inputs.ts";
import { SignInOut, sendSignInOutcome } from "../../http/sign-in-outcome.ts";
import { errors, InvitationPreviewOut } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

/** Routes for the person holding an invitation link (no session needed). */
export async function invitationRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["invitations"];

  r.post(
    "/api/v1/invitations/lookup",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "What an invitation link is for",
        body: z.strictObject({ token: Token }),
        response: { 200: z.object({ invitation: InvitationPreviewOut }), ...errors(400, 404, 429) },
      },
    },
    async (req) => ({ invitation: await lookupInvitation(deps.core, req.body.token) }),
  );

  r.post(
    "/api/v1/invitations/accept",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Accept an invitation: set a password (or give the existing one) and sign in",
        body: z.strictObject({
          token: Token,
          displayName: DisplayName.optional(),
          password: Password,
          locale: Locale.optional(),
        }),
        response: { 200: SignInOut, ...errors(400, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const result = await acceptInvitation(deps.core, {
        token: req.body.token,
        displayName: req.body.displayName ?? "",
        password: req.body.password,
        locale: req.body.locale ?? "fr",
        ...clientInfo(req),
      });
      return sendSignInOutcome(reply, result, config.secure);
    },
  );
}
