import { inArray, sql } from "drizzle-orm";
import type { ShareViewEvent, ShareViewLog } from "../../core/sharing/share-store.ts";
import type { Db } from "./open-database.ts";
import { shareEvents, shares } from "./schema.ts";

/** Beyond this many events waiting (the database refusing writes), new ones are dropped and reported. */
const MAX_BUFFERED = 100_000;

/**
 * Buffers views for at most `flushMs`, then writes them all in one transaction: one multi-row
 * INSERT of the events and one UPDATE of the counts (`view_count + n`, first view kept). A failed
 * write keeps the events for the next attempt; `onError` hears of it.
 */
export function shareViewLog(
  db: Db,
  options: { flushMs: number; onError: (err: unknown, dropped: number) => void },
): ShareViewLog {
  let buffer: ShareViewEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

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
    const n = sql.join(
      ids.map((id) => sql`when ${id}::uuid then ${counts.get(id)?.n ?? 0}::int`),
      sql` `,
    );
    const first = sql.join(
      ids.map((id) => sql`when ${id}::uuid then ${counts.get(id)?.first ?? new Date()}::timestamptz`),
      sql` `,
    );
    await db.transaction(async (tx) => {
      await tx.insert(shareEvents).values(batch);
      await tx
        .update(shares)
        .set({
          viewCount: sql`${shares.viewCount} + (case ${shares.id} ${n} end)`,
          firstViewedAt: sql`coalesce(${shares.firstViewedAt}, case ${shares.id} ${first} end)`,
        })
        .where(inArray(shares.id, ids));
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
