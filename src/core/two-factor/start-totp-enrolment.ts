import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { sealTotpSecret } from "./totp-secret.ts";
import type { TotpEnrolment } from "./two-factor.types.ts";

/** The name authenticator apps show beside the account. */
const ISSUER = "Sceau";

/**
 * Starts (or restarts) setting up an authenticator app: a new secret, sealed at rest, that becomes
 * active only once the user types a valid code (confirm-totp-enrolment.ts).
 */
export async function startTotpEnrolment(deps: CoreDeps, actor: Actor): Promise<TotpEnrolment> {
  const userId = actor.user.id;
  const secret = deps.totp.newSecret();
  if (!(await deps.stores.twoFactor.savePending(userId, sealTotpSecret(deps, userId, secret))))
    throw new DomainError("totp_already_enabled");
  const label = encodeURIComponent(`${ISSUER}:${actor.user.email}`);
  const params = new URLSearchParams({
    secret,
    issuer: ISSUER,
    algorithm: "SHA1",
    digits: "6",
    period: "30",
  });
  return {
    secret: secret.match(/.{1,4}/g)?.join(" ") ?? secret,
    otpauthUri: `otpauth://totp/${label}?${params.toString()}`,
  };
}
