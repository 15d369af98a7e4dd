import type { CoreDeps } from "../ports.ts";
import { throttledCodeAttempt } from "./code-throttle.ts";
import { hashRecoveryCode } from "./recovery-codes.ts";
import { openTotpSecret } from "./totp-secret.ts";

/** What proves the second factor: a code from the app, or one recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Checks a TOTP code (it works once: its time step must be later than the last one accepted) or
 * uses up a recovery code, with failures backed off per user. Returns which kind was accepted.
 */
export function checkSecondFactor(
  deps: CoreDeps,
  userId: string,
  proof: SecondFactor,
): Promise<"code" | "recovery_code"> {
  const now = deps.clock.now();
  return throttledCodeAttempt(deps, userId, async () => {
    const totp = await deps.stores.twoFactor.find(userId);
    if (!totp?.enabledAt) return null;
    if ("recoveryCode" in proof) {
      const hash = hashRecoveryCode(deps, userId, proof.recoveryCode);
      return (await deps.stores.twoFactor.consumeRecoveryCode(userId, hash, now)) ? "recovery_code" : null;
    }
    const secret = openTotpSecret(deps, userId, totp.sealedSecret);
    const step = deps.totp.match(secret, proof.code.replace(/\s+/g, ""), now, totp.lastStep);
    return step !== null && (await deps.stores.twoFactor.acceptStep(userId, step)) ? "code" : null;
  });
}
