import type { AuditAction, AuditChainReport, AuditEvent } from "./audit.types.ts";

export interface AuditAppend {
  institutionId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  details?: AuditEvent["details"];
  ip: string | null;
}

/** The audit trail: append-only (the database refuses UPDATE and DELETE), each event chained to the previous by hash. */
export interface AuditStore {
  append(event: AuditAppend, now: Date): Promise<AuditEvent>;
  /** Appends several events in order, under one lock (bulk issuing). */
  appendMany(events: AuditAppend[], now: Date): Promise<AuditEvent[]>;
  /** Newest first; `beforeSeq` pages backwards. */
  list(filter: {
    /** One institution's events, the portal's own (null), or every event (undefined). */
    institutionId: string | null | undefined;
    action?: AuditAction;
    from?: Date;
    to?: Date;
    beforeSeq?: number;
    limit: number;
  }): Promise<AuditEvent[]>;
  /** Recomputes every hash in order. */
  verifyChain(): Promise<AuditChainReport>;
}
