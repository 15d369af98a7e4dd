import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { AuditEvent } from "./audit.types.ts";
import { type AuditFilter, auditPage } from "./list-audit-events.ts";

/** Every event of the portal, every institution's and its own, newest first: the operator only (others: not_found). */
export async function listAllAuditEvents(
  deps: CoreDeps,
  actor: Actor,
  filter: AuditFilter,
): Promise<{ events: AuditEvent[]; next: number | null }> {
  await requireAccess(deps, actor, "portal.audit");
  return auditPage(deps, undefined, filter);
}
