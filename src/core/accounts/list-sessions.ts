import type { CoreDeps } from "../ports.ts";
import type { SessionInfo } from "./accounts.types.ts";
import type { Actor } from "./actor.ts";

export async function listSessions(deps: CoreDeps, actor: Actor): Promise<SessionInfo[]> {
  const sessions = await deps.stores.sessions.listLive(actor.user.id, deps.clock.now());
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}
