import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { Actor } from "./actor.ts";

/** Ends one of the actor's own sessions; another user's session id is "not found". */
export async function revokeSession(deps: CoreDeps, actor: Actor, sessionId: string): Promise<void> {
  const done = await deps.stores.sessions.revoke(actor.user.id, sessionId, deps.clock.now());
  if (!done) throw new DomainError("not_found");
}
