import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { throttledCodeAttempt } from "./code-throttle.ts";
import { newRecoveryCodes } from "./recovery-codes.ts";
import { openTotpSecret } from "./totp-secret.ts";
import type { RecoveryCodeList } from "./two-factor.types.ts";

/**
 * Turns two-step verification on once the app shows a valid code for the pending secret, and
 * hands out the recovery codes (shown this once; stored hashed). Wrong codes back off like sign-in.
 */
export async function confirmTotpEnrolment(
  deps: CoreDeps,
  actor: Actor,
  input: { code: string },
): Promise<RecoveryCodeList> {
  const userId = actor.user.id;
  const now = deps.clock.now();
  const pending = await deps.stores.twoFactor.find(userId);
  if (pending?.enabledAt) throw new DomainError("totp_already_enabled");
  if (!pending) throw new DomainError("totp_not_enabled");

  const secret = openTotpSecret(deps, userId, pending.sealedSecret);
  const step = await throttledCodeAttempt(deps, userId, async () =>
    deps.totp.match(secret, input.code.replace(/\s+/g, ""), now, null),
  );

  const { codes, hashes } = newRecoveryCodes(deps, userId);
  await deps.transact(async (stores) => {
    if (!(await stores.twoFactor.enable(userId, step, now))) throw new DomainError("totp_already_enabled");
    await stores.twoFactor.replaceRecoveryCodes(userId, hashes);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "two_factor.enabled",
      targetType: "user",
      targetId: userId,
    });
  });
  return { codes };
}
