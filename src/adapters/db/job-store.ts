import { and, eq, sql } from "drizzle-orm";
import type { JobRecord, JobState, JobStore } from "../../core/jobs/jobs.ports.ts";
import type { Db } from "./open-database.ts";
import { jobs } from "./schema.ts";

type JobRow = typeof jobs.$inferSelect;

const toRecord = (row: JobRow): JobRecord => ({
  id: row.id,
  queue: row.queue,
  payload: row.payload as Record<string, unknown>,
  state: row.state as JobState,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  runAt: row.runAt,
  lastError: row.lastError,
});

export function jobStore(db: Db): JobStore {
  const enqueueMany: JobStore["enqueueMany"] = async (list, now) => {
    for (let i = 0; i < list.length; i += 1000)
      await db
        .insert(jobs)
        .values(
          list.slice(i, i + 1000).map((job) => ({
            queue: job.queue,
            payload: job.payload,
            singletonKey: job.singletonKey ?? null,
            runAt: job.runAt ?? now,
            maxAttempts: job.maxAttempts ?? 5,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
  };

  return {
    async enqueue(job, now) {
      await enqueueMany([job], now);
    },

    enqueueMany,

    async claim(queues, limit, leaseMs, now) {
      if (queues.length === 0 || limit <= 0) return [];
      const until = new Date(now.getTime() + leaseMs);
      // Due queued jobs, and active ones whose worker let the lease run out (a crash).
      const result = await db.execute(sql`
        update ${jobs} set state = 'active', attempts = ${jobs.attempts} + 1, locked_until = ${until}
        where ${jobs.id} in (
          select id from ${jobs}
          where ${jobs.queue} in ${queues}
            and ((${jobs.state} = 'queued' and ${jobs.runAt} <= ${now})
              or (${jobs.state} = 'active' and ${jobs.lockedUntil} < ${now}))
          order by ${jobs.runAt}
          limit ${limit}
          for update skip locked
        )
        returning id`);
      const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
      if (ids.length === 0) return [];
      const rows = await db.select().from(jobs).where(sql`${jobs.id} in ${ids}`);
      return rows.map(toRecord).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
    },

    async extend(id, leaseMs, now) {
      await db
        .update(jobs)
        .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
        .where(and(eq(jobs.id, id), eq(jobs.state, "active")));
    },

    async complete(id, now) {
      await db
        .update(jobs)
        .set({ state: "done", finishedAt: now, lockedUntil: null, lastError: null })
        .where(eq(jobs.id, id));
    },

    async fail(id, error, retryAt, now) {
      await db
        .update(jobs)
        .set({
          state: retryAt
            ? sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed' else 'queued' end`
            : "failed",
          finishedAt: retryAt
            ? sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then ${now}::timestamptz else null end`
            : now,
          ...(retryAt ? { runAt: retryAt } : {}),
          lockedUntil: null,
          lastError: error.slice(0, 2000),
        })
        .where(eq(jobs.id, id));
    },

    async findById(id) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toRecord(row) : null;
    },

    async purgeFinished({ doneBefore, failedBefore, limit }) {
      const result = await db.execute(sql`
        delete from ${jobs} where id in (
          select id from ${jobs}
          where (state = 'done' and finished_at < ${doneBefore.toISOString()}::timestamptz)
             or (state = 'failed' and finished_at < ${failedBefore.toISOString()}::timestamptz)
          limit ${limit})
        returning id`);
      return (result as unknown as { rows: unknown[] }).rows.length;
    },

    async retry(id, now) {
      const rows = await db
        .update(jobs)
        .set({ state: "queued", attempts: 0, runAt: now, finishedAt: null, lockedUntil: null })
        .where(and(eq(jobs.id, id), eq(jobs.state, "failed")))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async counts(queue) {
      const rows = await db
        .select({ state: jobs.state, n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(eq(jobs.queue, queue))
        .groupBy(jobs.state);
      const counts: Record<JobState, number> = { queued: 0, active: 0, done: 0, failed: 0 };
      for (const row of rows) counts[row.state as JobState] = row.n;
      return counts;
    },
  };
}
