import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { ApiKey } from "./api-keys.types.ts";

/** The institution's API keys, newest first, revoked ones included (operator or its admins). */
export async function listApiKeys(deps: CoreDeps, actor: Actor, slug: string): Promise<ApiKey[]> {
  const inst = await requireAccess(deps, actor, "api-keys.manage", slug);
  return deps.stores.apiKeys.list(inst.id);
}
