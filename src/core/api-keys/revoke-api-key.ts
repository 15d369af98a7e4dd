import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { ApiKey } from "./api-keys.types.ts";

/** Revokes an API key for good (operator or the institution's admins). Revoking twice changes nothing. */
export async function revokeApiKey(deps: CoreDeps, actor: Actor, slug: string, id: string): Promise<ApiKey> {
  const inst = await requireAccess(deps, actor, "api-keys.manage", slug);
  return deps.transact(async (stores) => {
    const existing = await stores.apiKeys.findById(inst.id, id);
    if (!existing) throw new DomainError("not_found");
    if (existing.revokedAt) return existing;
    const revoked = await stores.apiKeys.revoke(inst.id, id, deps.clock.now());
    if (!revoked) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: id,
      details: { name: revoked.name, prefix: revoked.prefix },
    });
    return revoked;
  });
}
