import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { AuditAction, AuditEvent } from "./audit.types.ts";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  action?: AuditAction;
  from?: Date;
  to?: Date;
  /** Page backwards from this sequence number (the previous page's `next`). */
  before?: number;
}

/** An institution's audit trail, newest first, for its administrators and the operator. */
export async function listAuditEvents(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  filter: AuditFilter,
): Promise<{ events: AuditEvent[]; next: number | null }> {
  const inst = await requireAccess(deps, actor, "audit.read", slug);
  return auditPage(deps, inst.id, filter);
}

/** One page of the trail (one institution's, or with undefined every event), newest first. */
export async function auditPage(
  deps: CoreDeps,
  institutionId: string | undefined,
  filter: AuditFilter,
): Promise<{ events: AuditEvent[]; next: number | null }> {
  const events = await deps.stores.audit.list({
    institutionId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.before ? { beforeSeq: filter.before } : {}),
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return { events: page, next: events.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.seq ?? null) : null };
}
