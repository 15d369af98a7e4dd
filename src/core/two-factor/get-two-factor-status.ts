import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { TwoFactorStatus } from "./two-factor.types.ts";

export async function getTwoFactorStatus(deps: CoreDeps, actor: Actor): Promise<TwoFactorStatus> {
  const totp = await deps.stores.twoFactor.find(actor.user.id);
  if (!totp?.enabledAt) return { enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
  return {
    enabled: true,
    enabledAt: totp.enabledAt.toISOString(),
    recoveryCodesLeft: await deps.stores.twoFactor.countUnusedRecoveryCodes(actor.user.id),
  };
}
