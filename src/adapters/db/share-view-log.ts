import { sql } from "drizzle-orm";
import type { ShareViewEvent, ShareViewLog } from "../../core/sharing/sharing.ports.ts";
import type { Db } from "./open-database.ts";

/** Beyond this many events waiting (the database refusing writes), new ones are dropped and reported. */
const MAX_BUFFERED = 100_000;

/**
 * Buffers views for at most `flushMs`, then writes them all in one transaction: one INSERT of the
 * events (from one JSON parameter) and one UPDATE of the counts (`view_count + n`, first view kept, from arrays). A failed
 * write keeps the events for the next attempt; `onError` hears of it.
 */
export function shareViewLog(
  db: Db,
  options: { flushMs: number; onError: (err: unknown, dropped: number) => void },
): ShareViewLog {
  let buffer: ShareViewEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  // The events travel as one JSON parameter and the counts as arrays: the statement's text is the
  // same whatever the batch's size (building thousands of placeholders cost more than the write).
  const write = async (batch: ShareViewEvent[]) => {
    const counts = new Map<string, { n: number; first: Date }>();
    for (const e of batch) {
      const c = counts.get(e.shareId);
      if (!c) counts.set(e.shareId, { n: 1, first: e.createdAt });
      else {
        c.n++;
        if (e.createdAt < c.first) c.first = e.createdAt;
      }
    }
    const ids = [...counts.keys()];
    const tally = [...counts.values()];
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into share_events (share_id, kind, document_id, organization_id, ip, user_agent, created_at)
        select e."shareId", e.kind, e."documentId", e."organizationId", e.ip, e."userAgent", e."createdAt"
        from json_to_recordset(${JSON.stringify(batch)}::json) as e(
          "shareId" uuid, kind text, "documentId" uuid, "organizationId" uuid, ip text,
          "userAgent" text, "createdAt" timestamptz)`);
      await tx.execute(sql`
        update shares set
          view_count = shares.view_count + v.n,
          first_viewed_at = coalesce(shares.first_viewed_at, v.first)
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(tally.map((c) => c.n))}::int[],
          ${sql.param(tally.map((c) => c.first.toISOString()))}::timestamptz[]) as v(id, n, first)
        where shares.id = v.id`);
    });
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    // One write at a time, in order: a flush waits for the one before it.
    writing = writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await write(batch);
      } catch (err) {
        const kept = batch.slice(0, Math.max(0, MAX_BUFFERED - buffer.length));
        buffer = [...kept, ...buffer];
        schedule();
        options.onError(err, batch.length - kept.length);
      }
    });
    return writing;
  };

  const schedule = () => {
    timer ??= setTimeout(() => void flush(), options.flushMs);
  };

  return {
    record(view) {
      if (buffer.length >= MAX_BUFFERED) return options.onError(new Error("share view buffer full"), 1);
      buffer.push(view);
      schedule();
    },
    flush,
  };
}
