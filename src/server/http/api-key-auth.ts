import type { FastifyRequest } from "fastify";
import type { Actor } from "../../core/accounts/actor.ts";
import { authenticateApiKey } from "../../core/api-keys/authenticate-api-key.ts";
import { DomainError } from "../../core/errors.ts";
import type { CoreDeps } from "../../core/ports.ts";
import { SESSION_COOKIE } from "./auth.ts";

/** The key of an `Authorization: Bearer <key>` header on an /api/ path; null when there is none. */
export function bearerToken(req: FastifyRequest): string | null {
  if (!req.url.startsWith("/api/")) return null;
  const header = req.headers.authorization;
  if (typeof header !== "string") return null;
  const m = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return m ? (m[1] ?? "").trim() : null;
}

/** The API key's actor; 401 api_key_invalid for a malformed, unknown or revoked key. */
export async function apiKeyActor(core: CoreDeps, req: FastifyRequest, key: string): Promise<Actor> {
  const actor = await authenticateApiKey(core, key, req.ip ?? null);
  if (!actor) throw new DomainError("api_key_invalid");
  return actor;
}

/**
 * The one scope check for API keys: the route must name a scope the key holds (route config
 * `apiKeyScope`, see API_READ / API_ISSUE / API_REVOKE), or be public; else 403 api_key_scope.
 * Unknown routes fall through to their 404.
 */
export function checkApiKeyScope(req: FastifyRequest): void {
  const key = req.actor?.apiKey;
  if (!key || !req.routeOptions.url) return;
  const { public: isPublic, apiKeyScope } = req.routeOptions.config;
  if (isPublic) return;
  if (!apiKeyScope || !key.scopes.includes(apiKeyScope)) throw new DomainError("api_key_scope");
}

/**
 * A request authenticated by its bearer key alone needs no CSRF token: a browser cannot add an
 * Authorization header to a cross-site request (no CORS here), and no cookie speaks for it. A request
 * that also carries the session cookie is checked as usual.
 */
export const isBearerOnly = (req: FastifyRequest): boolean =>
  bearerToken(req) !== null && !req.cookies[SESSION_COOKIE];
