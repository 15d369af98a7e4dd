import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listSessions } from "../../../core/accounts/list-sessions.ts";
import { presentCurrentUser } from "../../../core/accounts/present-user.ts";
import { revokeSession } from "../../../core/accounts/revoke-session.ts";
import { signIn } from "../../../core/accounts/sign-in.ts";
import { signOut } from "../../../core/accounts/sign-out.ts";
import { updateProfile } from "../../../core/accounts/update-profile.ts";
import { clearSessionCookie, clientInfo, PUBLIC, requireActor, SESSION_COOKIE } from "../../http/auth.ts";
import { DisplayName, Email, Locale, Password, Uuid } from "../../http/inputs.ts";
import { SignInOut, sendSignInOutcome } from "../../http/sign-in-outcome.ts";
import { CurrentUserOut, errors, SessionOut } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

export async function sessionRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["auth"];

  r.get(
    "/api/v1/auth/csrf",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "CSRF token for cookie-authenticated writes",
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  r.post(
    "/api/v1/auth/sign-in",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Sign in with email and password",
        body: z.strictObject({ email: Email, password: Password }),
        response: { 200: SignInOut, ...errors(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const result = await signIn(deps.core, {
        ...req.body,
        ...clientInfo(req),
        previousToken: req.cookies[SESSION_COOKIE] ?? null,
      });
      return sendSignInOutcome(reply, result, config.secure);
    },
  );

  r.post(
    "/api/v1/auth/sign-out",
    { schema: { tags, summary: "Sign out of this browser", response: { 204: z.null(), ...errors(401) } } },
    async (req, reply) => {
      await signOut(deps.core, requireActor(req));
      clearSessionCookie(reply, config.secure);
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/v1/auth/me",
    {
      schema: {
        tags,
        summary: "The signed-in user",
        response: { 200: z.object({ user: CurrentUserOut }), ...errors(401) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return { user: await presentCurrentUser(deps.core.stores, actor.user, actor.memberships) };
    },
  );

  r.patch(
    "/api/v1/auth/me",
    {
      schema: {
        tags,
        summary: "Change display name or preferred language",
        body: z.strictObject({ displayName: DisplayName.optional(), locale: Locale.optional() }),
        response: { 200: z.object({ user: CurrentUserOut }), ...errors(400, 401) },
      },
    },
    async (req) => ({ user: await updateProfile(deps.core, requireActor(req), req.body) }),
  );

  r.get(
    "/api/v1/auth/sessions",
    {
      schema: {
        tags,
        summary: "The user's active sessions",
        response: { 200: z.object({ sessions: z.array(SessionOut) }), ...errors(401) },
      },
    },
    async (req) => ({ sessions: await listSessions(deps.core, requireActor(req)) }),
  );

  r.delete(
    "/api/v1/auth/sessions/:id",
    {
      schema: {
        tags,
        summary: "End one of the user's sessions",
        params: z.strictObject({ id: Uuid }),
        response: { 204: z.null(), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await revokeSession(deps.core, actor, req.params.id);
      if (req.params.id === actor.sessionId) clearSessionCookie(reply, config.secure);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/auth/sessions/revoke-all",
    {
      schema: {
        tags,
        summary: "Sign out everywhere, this browser included",
        response: { 204: z.null(), ...errors(401) },
      },
    },
    async (req, reply) => {
      await signOut(deps.core, requireActor(req), true);
      clearSessionCookie(reply, config.secure);
      return reply.code(204).send(null);
    },
  );
}
