import type { CoreDeps, Stores } from "../ports.ts";
import type { SessionRecord } from "./accounts.ports.ts";

export interface StartedSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  session: SessionRecord;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A new session with a fresh random id (never reuses one the browser brought: no fixation). */
export async function startSession(
  deps: Pick<CoreDeps, "secrets" | "clock" | "settings">,
  stores: Stores,
  userId: string,
  client: ClientInfo,
): Promise<StartedSession> {
  const token = deps.secrets.randomToken();
  const now = deps.clock.now();
  const session = await stores.sessions.create({
    tokenHash: deps.secrets.hashToken(token),
    userId,
    expiresAt: new Date(now.getTime() + deps.settings.sessionTtlHours * 3600 * 1000),
    ip: client.ip,
    userAgent: client.userAgent ? client.userAgent.slice(0, 300) : null,
    now,
  });
  return { token, session };
}
