import type { AuditEvent } from "../../core/audit/audit.types.ts";
import { request } from "./http.ts";

/** Whose trail: one institution's (its administrators and the operator) or the whole portal's (the operator). */
export type AuditScope = { institution: string } | "portal";

export interface AuditQuery {
  action?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

/** One event as the API gives it; `institutionId` only in the portal's trail. */
export type AuditEventOut = Omit<AuditEvent, "institutionId" | "actorUserId"> & {
  institutionId?: string | null;
};

export interface AuditEventPage {
  events: AuditEventOut[];
  /** Pass as `before` for older events; null when there are none. */
  next: number | null;
}

const base = (scope: AuditScope) =>
  scope === "portal"
    ? "/api/v1/audit"
    : `/api/v1/institutions/${encodeURIComponent(scope.institution)}/audit`;

function search(query: AuditQuery, before?: number): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (before) params.set("before", String(before));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const listAuditEvents = (scope: AuditScope, query: AuditQuery, before?: number) =>
  request<AuditEventPage>("GET", `${base(scope)}${search(query, before)}`);

/** The CSV export of the same filtered trail (a download link; the session cookie goes with it). */
export const auditCsvUrl = (scope: AuditScope, query: AuditQuery) => `${base(scope)}.csv${search(query)}`;
