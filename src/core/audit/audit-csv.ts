import { csvLine } from "../csv/csv-cell.ts";
import type { AuditStore } from "./audit.ports.ts";
import type { AuditFilter } from "./list-audit-events.ts";

const MAX_ROWS = 100_000;
const HEADER = ["seq", "time", "actor", "ip", "action", "target_type", "target_id", "details"];

/**
 * The filtered trail of one institution (an id), of the portal itself (null) or of everything
 * (undefined) as CSV, oldest first, every cell neutralised against spreadsheet formulas.
 */
export async function auditCsv(
  audit: AuditStore,
  institutionId: string | null | undefined,
  filter: AuditFilter,
): Promise<{ csv: string; rows: number }> {
  const rows: string[] = [];
  let before: number | undefined;
  while (rows.length < MAX_ROWS) {
    const events = await audit.list({
      institutionId,
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
  return { csv: `${[csvLine(HEADER), ...rows.reverse()].join("\r\n")}\r\n`, rows: rows.length };
}
