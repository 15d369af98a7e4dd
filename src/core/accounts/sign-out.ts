import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/** Ends the current session, or every session of the user when everywhere is true. */
export async function signOut(deps: CoreDeps, actor: Actor, everywhere = false): Promise<void> {
  const now = deps.clock.now();
  if (everywhere) await deps.stores.sessions.revokeAll(actor.user.id, now);
  else await deps.stores.sessions.revoke(actor.user.id, actor.sessionId, now);
}
