import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { confirmIdentity, type IdentityProof } from "./confirm-identity.ts";
import { newRecoveryCodes } from "./recovery-codes.ts";
import type { RecoveryCodeList } from "./two-factor.types.ts";

/** New recovery codes (the password or a current code first); every earlier one stops working. */
export async function regenerateRecoveryCodes(
  deps: CoreDeps,
  actor: Actor,
  proof: IdentityProof,
): Promise<RecoveryCodeList> {
  const userId = actor.user.id;
  const totp = await deps.stores.twoFactor.find(userId);
  if (!totp?.enabledAt) throw new DomainError("totp_not_enabled");
  await confirmIdentity(deps, actor, proof);
  const { codes, hashes } = newRecoveryCodes(deps, userId);
  await deps.transact(async (stores) => {
    await stores.twoFactor.replaceRecoveryCodes(userId, hashes);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "two_factor.recovery_codes_regenerated",
      targetType: "user",
      targetId: userId,
    });
  });
  return { codes };
}
