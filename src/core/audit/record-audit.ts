import { type Actor, actingUserId } from "../accounts/actor.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import type { AuditAppend } from "./audit.ports.ts";
import type { AuditEvent } from "./audit.types.ts";

/** Who did it, for the audit trail. */
export type AuditWho = Pick<AuditAppend, "actorUserId" | "actorLabel" | "ip">;

/** A user by id and email; an API key by its label "API key <name> (<prefix>…)", with no user id. */
export const byActor = (actor: Actor): AuditWho => ({
  actorUserId: actingUserId(actor),
  actorLabel: actor.user.email,
  ip: actor.ip,
});
/** An operator at the server's command line. */
export const BY_CLI: AuditWho = { actorUserId: null, actorLabel: "cli", ip: null };

/**
 * Appends one event to the audit trail. Pass the transaction's stores to record it atomically
 * with the change it describes.
 */
export function recordAudit(
  deps: Pick<CoreDeps, "clock">,
  stores: Stores,
  who: AuditWho,
  event: Omit<AuditAppend, keyof AuditWho>,
): Promise<AuditEvent> {
  return stores.audit.append({ ...who, ...event }, deps.clock.now());
}
