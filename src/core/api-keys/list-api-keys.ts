import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { CoreDeps } from "../ports.ts";
import type { ApiKey } from "./api-keys.types.ts";

/** The institution's API keys, newest first, revoked ones included (operator or its admins). */
export async function listApiKeys(deps: CoreDeps, actor: Actor, slug: string): Promise<ApiKey[]> {
  if (actor.apiKey) throw new DomainError("api_key_scope");
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "admin");
  return deps.stores.apiKeys.list(inst.id);
}
