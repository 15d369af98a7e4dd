import {
  type SignedIn,
  type SignInClient,
  startSignedInSession,
  TOTP_CHALLENGE_PURPOSE,
} from "../accounts/finish-sign-in.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { checkSecondFactor, type SecondFactor } from "./check-second-factor.ts";

/**
 * The second step of a sign-in: the challenge finishSignIn gave (signed, bound to the user, five
 * minutes, single use) and a code from the app or a recovery code. A wrong code leaves the
 * challenge usable (typos happen) but counts against the user's back-off; the right one consumes
 * it and starts the session. Any problem with the challenge answers sign_in_step_expired.
 */
export async function completeTotpSignIn(
  deps: CoreDeps,
  input: SignInClient & { challenge: string | null } & SecondFactor,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const claims = input.challenge
    ? deps.tokenSigner.verify(TOTP_CHALLENGE_PURPOSE, input.challenge, now)
    : null;
  if (!claims?.id || !claims.user) throw new DomainError("sign_in_step_expired");
  const record = await deps.stores.tokens.findByHash(deps.secrets.hashToken(claims.id));
  if (
    record?.purpose !== TOTP_CHALLENGE_PURPOSE ||
    record.userId !== claims.user ||
    record.usedAt ||
    record.expiresAt <= now
  )
    throw new DomainError("sign_in_step_expired");
  const user = await deps.stores.users.findById(record.userId);
  if (user?.status !== "active") throw new DomainError("sign_in_step_expired");

  const used = await checkSecondFactor(deps, user.id, input);
  return deps.transact(async (stores) => {
    if (!(await stores.tokens.consume(record.id, now))) throw new DomainError("sign_in_step_expired");
    if (used === "recovery_code") {
      const left = await stores.twoFactor.countUnusedRecoveryCodes(user.id);
      await recordAudit(
        deps,
        stores,
        { actorUserId: user.id, actorLabel: user.email, ip: input.ip },
        {
          institutionId: null,
          action: "two_factor.recovery_code_used",
          targetType: "user",
          targetId: user.id,
          details: { codesLeft: left },
        },
      );
    }
    return startSignedInSession(deps, stores, user, input);
  });
}
