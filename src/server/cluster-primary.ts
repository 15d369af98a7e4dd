import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { prepareForWorkers } from "../composition/prepare-for-workers.ts";
import type { Config } from "../config/config.ts";

/** A worker that dies sooner than this after starting is not replaced at once (a crash loop). */
const QUICK_DEATH_MS = 5_000;
const RESPAWN_DELAY_MS = { quick: 5_000, normal: 500 };

/**
 * WEB_PROCESSES > 1: this process serves nothing itself. It prepares what the workers would race
 * for (migrations outside production, the development master key), forks the workers (each runs
 * the server on the same port; Node hands out connections in turn), replaces a worker that dies,
 * and on SIGINT/SIGTERM asks every worker to finish its requests and waits for them.
 * Resolves once every worker listens.
 */
export async function runClusterPrimary(config: Config, logger: Logger): Promise<void> {
  await prepareForWorkers(config);

  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, "a server process died: starting another");
    setTimeout(fork, lived < QUICK_DEATH_MS ? RESPAWN_DELAY_MS.quick : RESPAWN_DELAY_MS.normal).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: asking every server process to finish");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    };
    cluster.on("exit", done);
    done();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const listening = new Promise<void>((resolve) => {
    let count = 0;
    cluster.on("listening", () => {
      if (++count === config.webProcesses) resolve();
    });
  });
  for (let i = 0; i < config.webProcesses; i++) fork();
  await listening;
  logger.info({ processes: config.webProcesses, url: config.publicUrl }, "Sceau is listening");
}
