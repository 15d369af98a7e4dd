import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, gte, isNull, lt, lte, sql } from "drizzle-orm";
import type { AuditStore } from "../../core/audit/audit.ports.ts";
import type { AuditAction, AuditEvent } from "../../core/audit/audit.types.ts";
import type { Db } from "./open-database.ts";
import { auditEvents } from "./schema.ts";

/** The hash before the first event. */
export const AUDIT_GENESIS = "0".repeat(64);
const LOCK = 7301552;

type Row = typeof auditEvents.$inferSelect;

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** sha256(previous hash, and every field of the event except seq). */
export function auditHash(prevHash: string, e: Omit<Row, "seq" | "hash" | "prevHash">): string {
  const body = canonical({
    id: e.id,
    institutionId: e.institutionId,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details,
    ip: e.ip,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

const toEvent = (r: Row): AuditEvent => ({
  seq: r.seq,
  id: r.id,
  institutionId: r.institutionId,
  actorUserId: r.actorUserId,
  actorLabel: r.actorLabel,
  action: r.action as AuditAction,
  targetType: r.targetType,
  targetId: r.targetId,
  details: (r.details ?? {}) as AuditEvent["details"],
  ip: r.ip,
  createdAt: r.createdAt.toISOString(),
});

export function auditStore(db: Db): AuditStore {
  const appendMany: AuditStore["appendMany"] = (events, now) => {
    // One writer at a time (the lock lasts until the surrounding transaction ends), so the chain never forks.
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
      const [head] = await tx
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      let prevHash = head?.hash ?? AUDIT_GENESIS;
      const createdAt = new Date(Math.floor(now.getTime()));
      const values = events.map((event) => {
        const content = {
          id: randomUUID(),
          institutionId: event.institutionId,
          actorUserId: event.actorUserId,
          actorLabel: event.actorLabel,
          action: event.action,
          targetType: event.targetType,
          targetId: event.targetId,
          details: event.details ?? {},
          ip: event.ip,
          createdAt,
        };
        const row = { ...content, prevHash, hash: auditHash(prevHash, content) };
        prevHash = row.hash;
        return row;
      });
      const rows: Row[] = [];
      // The chain order is the insertion order (seq), so insert in slices, in order.
      for (let i = 0; i < values.length; i += 500)
        rows.push(
          ...(await tx
            .insert(auditEvents)
            .values(values.slice(i, i + 500))
            .returning()),
        );
      return rows.sort((a, b) => a.seq - b.seq).map(toEvent);
    });
  };

  return {
    async append(event, now) {
      const [appended] = await appendMany([event], now);
      if (!appended) throw new Error("insert returned no row");
      return appended;
    },

    appendMany,

    async list(f) {
      const conditions = [
        f.institutionId === undefined
          ? undefined
          : f.institutionId
            ? eq(auditEvents.institutionId, f.institutionId)
            : isNull(auditEvents.institutionId),
      ];
      if (f.action) conditions.push(eq(auditEvents.action, f.action));
      if (f.from) conditions.push(gte(auditEvents.createdAt, f.from));
      if (f.to) conditions.push(lte(auditEvents.createdAt, f.to));
      if (f.beforeSeq) conditions.push(lt(auditEvents.seq, f.beforeSeq));
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(...conditions))
        .orderBy(desc(auditEvents.seq))
        .limit(f.limit);
      return rows.map(toEvent);
    },

    async verifyChain() {
      let prev = AUDIT_GENESIS;
      let after = 0;
      let checked = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(gt(auditEvents.seq, after))
          .orderBy(asc(auditEvents.seq))
          .limit(1000);
        if (rows.length === 0) return { ok: true, checked, brokenAtSeq: null };
        for (const r of rows) {
          if (r.prevHash !== prev || auditHash(r.prevHash, r) !== r.hash)
            return { ok: false, checked, brokenAtSeq: r.seq };
          prev = r.hash;
          after = r.seq;
          checked++;
        }
      }
    },
  };
}
