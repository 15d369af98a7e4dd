import { issueActivation } from "../claims/issue-activation.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { finishSignIn, type SignInOutcome } from "./finish-sign-in.ts";
import type { ClientInfo } from "./start-session.ts";
import { afterFailure, secondsLocked } from "./throttle-policy.ts";

export interface SignInInput extends ClientInfo {
  email: string;
  password: string;
  /** The session token the browser already had, if any: it is ended. */
  previousToken: string | null;
}

/** An argon2id hash of a random password, verified when the email is unknown so timing tells nothing. */
const DECOY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$n4nmrGMsWKfFUUc29u8foQ$M6ZjjMCamTRY9B+cTsqcAGH0jtE9Ixrb8XD/Szdm8M4";

/**
 * Checks email and password. Every failure (unknown email, wrong password, no password set)
 * gives the same answer and costs the same time; repeated failures for one email back off.
 * A closed account has no password and no email left (close-account.ts): it fails like any other.
 * With TOTP on, the answer is a challenge for the code instead of a session (finish-sign-in.ts).
 */
export async function signIn(deps: CoreDeps, input: SignInInput): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const key = `email:${deps.secrets.hashToken(input.email.trim().toLowerCase())}`;
  const throttle = await deps.stores.throttle.get(key);
  const wait = secondsLocked(throttle, now);
  if (wait > 0) throw new DomainError("too_many_attempts", { retryAfter: wait });

  // The primary address or any confirmed secondary one signs in.
  const user = await deps.stores.users.findByAnyVerifiedEmail(input.email);
  const ok = await deps.passwords.verify(user?.passwordHash ?? DECOY_HASH, input.password);
  if (!user?.passwordHash || !ok) {
    const next = afterFailure(key, throttle, now);
    await deps.stores.throttle.put(next);
    const locked = secondsLocked(next, now);
    if (locked > 0) throw new DomainError("too_many_attempts", { retryAfter: locked });
    throw new DomainError("invalid_credentials");
  }
  if (user.status !== "active") throw new DomainError("account_disabled");
  if (throttle) await deps.stores.throttle.clear(key);
  const memberships = await deps.stores.memberships.listForUsers([user.id]);
  // A learner's account (no staff role) works once its email is verified: the right password
  // brings a new activation link. Staff and operators are verified by their invitation.
  if (!user.emailVerifiedAt && memberships.length === 0) {
    const message = await issueActivation(deps, deps.stores, user);
    deps.background("activation-email", () => deps.mailer.send(message));
    throw new DomainError("email_not_verified");
  }

  return finishSignIn(deps, user, input);
}
