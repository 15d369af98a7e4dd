import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../core/accounts/actor.ts";
import type { ApiKeyScope } from "../../core/api-keys/api-keys.types.ts";
import { DomainError } from "../../core/errors.ts";

export const SESSION_COOKIE = "sceau_session";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Anyone may call this /api/v1 route; every other one answers 401 to an anonymous caller. */
    public?: boolean;
    /**
     * The scope an API key needs to call this route. A route without one refuses every API key
     * (403 api_key_scope): staff, settings, API keys and the audit trail are for people only.
     */
    apiKeyScope?: ApiKeyScope;
  }
}

/** Route config for routes open to anonymous callers. */
export const PUBLIC = { public: true } as const;
/** Route config: API keys with the "read" scope may call it (reads of the key's own institution). */
export const API_READ = { apiKeyScope: "read" } as const;
/** Route config: API keys with the "issue" scope may call it (issuing, and the learner records it needs). */
export const API_ISSUE = { apiKeyScope: "issue" } as const;
/** Route config: API keys with the "revoke" scope may call it (revoking or replacing documents). */
export const API_REVOKE = { apiKeyScope: "revoke" } as const;

/** The signed-in actor, or 401 unauthenticated. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError("unauthenticated");
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}

export const clientInfo = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null,
});
