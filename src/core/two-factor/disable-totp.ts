import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { confirmIdentity, type IdentityProof } from "./confirm-identity.ts";

/** Turns two-step verification off (the password or a current code first); the recovery codes go too. */
export async function disableTotp(deps: CoreDeps, actor: Actor, proof: IdentityProof): Promise<void> {
  const userId = actor.user.id;
  const totp = await deps.stores.twoFactor.find(userId);
  if (!totp?.enabledAt) throw new DomainError("totp_not_enabled");
  await confirmIdentity(deps, actor, proof);
  await deps.transact(async (stores) => {
    await stores.twoFactor.remove(userId);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "two_factor.disabled",
      targetType: "user",
      targetId: userId,
    });
  });
}
