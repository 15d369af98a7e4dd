import type { CurrentUser } from "../accounts/accounts.types.ts";
import { presentCurrentUser } from "../accounts/present-user.ts";
import { type ClientInfo, type StartedSession, startSession } from "../accounts/start-session.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * Opens an activation link: the email is verified and the person is signed in with a new session
 * (the link works once and expires; it never reuses a session the browser brought).
 */
export async function activateAccount(
  deps: CoreDeps,
  input: ClientInfo & { token: string; previousToken: string | null },
): Promise<StartedSession & { user: CurrentUser }> {
  const now = deps.clock.now();
  const record = await deps.stores.tokens.findByHash(deps.secrets.hashToken(input.token));
  if (record?.purpose !== "email_verification" || record.usedAt || record.expiresAt <= now) {
    throw new DomainError("activation_link_invalid");
  }
  return deps.transact(async (stores) => {
    if (!(await stores.tokens.consume(record.id, now))) throw new DomainError("activation_link_invalid");
    const user = await stores.users.update(record.userId, { emailVerifiedAt: now });
    if (user?.status !== "active") throw new DomainError("activation_link_invalid");
    if (input.previousToken) {
      const old = await stores.sessions.findLive(deps.secrets.hashToken(input.previousToken), now);
      if (old) await stores.sessions.revoke(old.userId, old.id, now);
    }
    const started = await startSession(deps, stores, user.id, input);
    const memberships = await stores.memberships.listForUsers([user.id]);
    return { ...started, user: await presentCurrentUser(stores, user, memberships) };
  });
}
