import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import { JOB_HANDLERS } from "../core/jobs/job-handlers.ts";
import type { JobRecord } from "../core/jobs/jobs.ports.ts";
import { QUEUES, type QueueName } from "../core/jobs/queues.ts";
import { scheduleMaintenance } from "../core/jobs/run-maintenance.ts";
import { isPermanentFailure } from "../core/mail/mail-rejected.ts";
import type { CoreDeps } from "../core/ports.ts";

export interface JobWorker {
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** Resolves when no job of these queues is queued or running (tests, `sceau issue`). */
  idle(): Promise<void>;
}

const MAX_RETRY_MS = 3_600_000;

/**
 * Runs the queues' jobs in this process: claims due jobs (up to `concurrency` at once) under a
 * lease it renews while a job runs, completes them, or schedules a retry with doubling delays.
 * Several processes may run workers against the same database. A worker that runs the
 * maintenance queue starts its cycle (see run-maintenance.ts).
 */
export function startJobWorker(
  deps: CoreDeps,
  logger: Logger,
  settings: Config["jobs"],
  queues: QueueName[] = Object.keys(JOB_HANDLERS) as QueueName[],
): JobWorker {
  const running = new Set<Promise<void>>();
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  const runOne = async (job: JobRecord) => {
    const handler = JOB_HANDLERS[job.queue as QueueName];
    const renew = setInterval(
      () => void deps.stores.jobs.extend(job.id, settings.leaseMs, deps.clock.now()).catch(() => {}),
      Math.max(250, settings.leaseMs / 3),
    );
    try {
      await handler(deps, {
        job,
        heartbeat: () => deps.stores.jobs.extend(job.id, settings.leaseMs, deps.clock.now()),
      });
      await deps.stores.jobs.complete(job.id, deps.clock.now());
    } catch (err) {
      const delay = Math.min(settings.retryBaseMs * 2 ** Math.max(0, job.attempts - 1), MAX_RETRY_MS);
      const now = deps.clock.now();
      logger.warn({ err, job: job.id, queue: job.queue, attempt: job.attempts }, "job failed");
      await deps.stores.jobs
        .fail(
          job.id,
          err instanceof Error ? err.message : String(err),
          isPermanentFailure(err) ? null : new Date(now.getTime() + delay),
          now,
        )
        .catch((e) => logger.error({ err: e, job: job.id }, "could not record a job failure"));
    } finally {
      clearInterval(renew);
    }
  };

  const loop = async () => {
    while (!stopped) {
      const free = settings.concurrency - running.size;
      let claimed: JobRecord[] = [];
      if (free > 0) {
        try {
          claimed = await deps.stores.jobs.claim(queues, free, settings.leaseMs, deps.clock.now());
        } catch (err) {
          if (!stopped) logger.error({ err }, "could not claim jobs");
        }
      }
      for (const job of claimed) {
        const p = runOne(job).finally(() => {
          running.delete(p);
          wakeUp?.();
        });
        running.add(p);
      }
      if (claimed.length === 0 && running.size === 0 && idleWaiters.length > 0) {
        // The maintenance always has its next run queued: it never keeps the worker busy.
        const counts = await Promise.all(
          queues.filter((q) => q !== QUEUES.maintenance).map((q) => deps.stores.jobs.counts(q)),
        ).catch(() => null);
        if (counts?.every((c) => c.queued === 0 && c.active === 0)) {
          for (const resolve of idleWaiters) resolve();
          idleWaiters = [];
        }
      }
      if (claimed.length === 0 || running.size >= settings.concurrency)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, settings.pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            wakeUp = null;
            resolve();
          };
        });
    }
  };
  const looping = settings.concurrency > 0 ? loop() : Promise.resolve();
  // A worker that runs the maintenance queues a run now; each run queues the next one.
  const kickOff =
    settings.concurrency > 0 && queues.includes(QUEUES.maintenance)
      ? scheduleMaintenance(deps, deps.clock.now()).catch((err) =>
          logger.error({ err }, "could not schedule the maintenance"),
        )
      : Promise.resolve();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await kickOff;
      await looping;
      await Promise.all(running);
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        wakeUp?.();
      });
    },
  };
}
