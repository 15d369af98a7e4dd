import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { API_KEY_PREFIX, API_KEY_TOUCH_EVERY_MS, apiKeyLabel } from "./api-key-rules.ts";

const KEY_SHAPE = /^sceau_[A-Za-z0-9_-]{20,200}$/;

/**
 * The actor for an API key, or null when the key is malformed, unknown or revoked. The key acts for
 * its institution only, as a member with the issuer role there (so every other institution answers
 * 404); what it may call is limited by its scopes, which routes check. It has no user account: its
 * `user` is a stand-in carrying the key's id and label, never a row of the users table.
 */
export async function authenticateApiKey(
  deps: Pick<CoreDeps, "stores" | "secrets" | "clock">,
  key: string,
  ip: string | null = null,
): Promise<Actor | null> {
  if (!key.startsWith(API_KEY_PREFIX) || !KEY_SHAPE.test(key)) return null;
  const found = await deps.stores.apiKeys.findByHash(deps.secrets.hashToken(key));
  if (!found || found.revokedAt) return null;
  const now = deps.clock.now();
  await deps.stores.apiKeys.touch(found.id, now, new Date(now.getTime() - API_KEY_TOUCH_EVERY_MS));
  const label = apiKeyLabel(found);
  return {
    user: {
      id: found.id,
      email: label,
      displayName: label,
      locale: "en",
      passwordHash: null,
      status: "active",
      emailVerifiedAt: null,
      createdAt: new Date(found.createdAt),
    },
    memberships: [
      {
        id: `api-key:${found.id}`,
        userId: found.id,
        role: "issuer",
        institutionId: found.institutionId,
        organizationId: null,
      },
    ],
    sessionId: `api-key:${found.id}`,
    ip,
    apiKey: {
      id: found.id,
      institutionId: found.institutionId,
      name: found.name,
      prefix: found.prefix,
      scopes: found.scopes,
    },
  };
}
