import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** The actor for a session token, or null when the token is unknown, revoked, expired or its user disabled. */
export async function authenticate(
  deps: CoreDeps,
  token: string,
  ip: string | null = null,
): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const found = await deps.stores.sessions.findSignedIn(deps.secrets.hashToken(token), now);
  if (found?.user.status !== "active") return null;
  const { session, user, memberships } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await deps.stores.sessions.touch(session.id, now);
  return { user, memberships, sessionId: session.id, ip };
}
