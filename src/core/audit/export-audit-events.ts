import type { Actor } from "../accounts/actor.ts";
import { csvLine } from "../csv/csv-cell.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { CoreDeps } from "../ports.ts";
import type { AuditFilter } from "./list-audit-events.ts";
import { byActor, recordAudit } from "./record-audit.ts";

const MAX_ROWS = 100_000;

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
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "admin");
  const rows: string[] = [];
  let before: number | undefined;
  while (rows.length < MAX_ROWS) {
    const events = await deps.stores.audit.list({
      institutionId: inst.id,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(before ? { beforeSeq: before } : {}),
      limit: 1000,
    });
    if (events.length === 0) break;
    for (const e of events)
      rows.push(
        csvLine([
          e.seq,
          e.createdAt,
          e.actorLabel,
          e.ip,
          e.action,
          e.targetType,
          e.targetId,
          JSON.stringify(e.details),
        ]),
      );
    before = events.at(-1)?.seq;
  }
  await recordAudit(deps, deps.stores, byActor(actor), {
    institutionId: inst.id,
    action: "audit.exported",
    targetType: "audit",
    targetId: null,
    details: { rows: rows.length },
  });
  const header = csvLine(["seq", "time", "actor", "ip", "action", "target_type", "target_id", "details"]);
  return `${[header, ...rows.reverse()].join("\r\n")}\r\n`;
}
