import { finishSignIn, type SignInOutcome } from "../accounts/finish-sign-in.ts";
import type { ClientInfo } from "../accounts/start-session.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * Opens an activation link: the email is verified and the person is signed in with a new session
 * (the link works once and expires; it never reuses a session the browser brought), or asked for
 * the second factor when TOTP is on (finish-sign-in.ts).
 */
export async function activateAccount(
  deps: CoreDeps,
  input: ClientInfo & { token: string; previousToken: string | null },
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const record = await deps.stores.tokens.findByHash(deps.secrets.hashToken(input.token));
  if (record?.purpose !== "email_verification" || record.usedAt || record.expiresAt <= now) {
    throw new DomainError("activation_link_invalid");
  }
  return deps.transact(async (stores) => {
    if (!(await stores.tokens.consume(record.id, now))) throw new DomainError("activation_link_invalid");
    const user = await stores.users.update(record.userId, { emailVerifiedAt: now });
    if (user?.status !== "active") throw new DomainError("activation_link_invalid");
    return finishSignIn(deps, user, input, stores);
  });
}
