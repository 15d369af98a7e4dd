import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { auditCsv } from "./audit-csv.ts";
import type { AuditFilter } from "./list-audit-events.ts";
import { byActor, recordAudit } from "./record-audit.ts";

/**
 * The institution's audit trail (filtered) as CSV, oldest first, every cell neutralised against
 * spreadsheet formulas. The export itself is recorded.
 */
export async function exportAuditEvents(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  filter: AuditFilter,
): Promise<string> {
  const inst = await requireAccess(deps, actor, "audit.read", slug);
  const { csv, rows } = await auditCsv(deps.stores.audit, inst.id, filter);
  await recordAudit(deps, deps.stores, byActor(actor), {
    institutionId: inst.id,
    action: "audit.exported",
    targetType: "audit",
    targetId: null,
    details: { rows },
  });
  return csv;
}
