import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import type { CoreDeps } from "../ports.ts";
import { API_KEY_DISPLAY_LENGTH, API_KEY_PREFIX, normalizeApiKeyInput } from "./api-key-rules.ts";
import type { ApiKeyInput, CreatedApiKey } from "./api-keys.types.ts";

/**
 * Creates an API key for an institution (operator or the institution's admins; never another API
 * key). Only the key's hash is stored: the clear key is in this answer and nowhere else.
 */
export async function createApiKey(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: ApiKeyInput,
): Promise<CreatedApiKey> {
  const inst = await requireAccess(deps, actor, "api-keys.manage", slug);
  const { name, scopes } = normalizeApiKeyInput(input);
  const key = `${API_KEY_PREFIX}${deps.secrets.randomToken()}`;
  const apiKey = await deps.transact(async (stores) => {
    const created = await stores.apiKeys.create({
      institutionId: inst.id,
      name,
      prefix: key.slice(0, API_KEY_DISPLAY_LENGTH),
      keyHash: deps.secrets.hashToken(key),
      scopes,
      createdByUserId: actor.user.id,
      now: deps.clock.now(),
    });
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      details: { name, prefix: created.prefix, scopes: scopes.join(",") },
    });
    return created;
  });
  return { apiKey, key };
}
