import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { auditCsv } from "./audit-csv.ts";
import type { AuditFilter } from "./list-audit-events.ts";
import { byActor, recordAudit } from "./record-audit.ts";

/** The whole portal's audit trail (filtered) as CSV, for the operator; the export is recorded as a portal event. */
export async function exportAllAuditEvents(
  deps: CoreDeps,
  actor: Actor,
  filter: AuditFilter,
): Promise<string> {
  await requireAccess(deps, actor, "portal.audit");
  const { csv, rows } = await auditCsv(deps.stores.audit, undefined, filter);
  await recordAudit(deps, deps.stores, byActor(actor), {
    institutionId: null,
    action: "audit.exported",
    targetType: "audit",
    targetId: null,
    details: { rows },
  });
  return csv;
}
