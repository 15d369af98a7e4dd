import { type Actor, isOperator } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { AuditEvent } from "./audit.types.ts";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "./list-audit-events.ts";

/** Every event of the portal, every institution's and its own, newest first: the operator only (others: not_found). */
export async function listAllAuditEvents(
  deps: CoreDeps,
  actor: Actor,
  filter: AuditFilter,
): Promise<{ events: AuditEvent[]; next: number | null }> {
  if (!isOperator(actor)) throw new DomainError("not_found");
  const events = await deps.stores.audit.list({
    institutionId: undefined,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.before ? { beforeSeq: filter.before } : {}),
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return { events: page, next: events.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.seq ?? null) : null };
}
