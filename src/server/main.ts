import cluster from "node:cluster";
import { join } from "node:path";
import { buildRuntime } from "../composition/deps.ts";
import { createLogger } from "../composition/logger.ts";
import { seedDemoIfEmpty } from "../composition/seed-demo-if-empty.ts";
import { type Config, ConfigError, loadConfig } from "../config/config.ts";
import { buildApp } from "./app.ts";
import { runClusterPrimary } from "./cluster-primary.ts";

/**
 * Loads the config, wires the dependencies, listens; on SIGINT/SIGTERM finishes in-flight requests
 * and closes the database. With WEB_PROCESSES > 1 the first process only forks and watches that
 * many servers (cluster-primary.ts), each of which runs this same function as a worker.
 */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config);
  const started = performance.now();
  if (config.webProcesses > 1 && cluster.isPrimary) {
    await runClusterPrimary(config, logger);
    if (config.env === "development") process.stdout.write(readyMessage(config));
    return;
  }
  // A cluster's worker finds the migrations applied by its primary; it only checks.
  const runtime = await buildRuntime(config, logger, { migrate: cluster.isWorker ? false : undefined });
  if (config.env === "development" && config.database.kind === "pglite")
    await seedDemoIfEmpty(runtime.deps.core, config);
  if (!runtime.deps.webRoot) logger.warn("web app not built (npm run build): serving the API only");
  const app = await buildApp(config, runtime.deps, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      logger.error("shutdown took more than 20 s: exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
      await runtime.close();
      logger.info("stopped");
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "error while shutting down");
      process.exit(1);
    }
  };
  // A stray rejection must not take the portal down for everyone (a hostile upload is one request's problem).
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  if (config.jobs.concurrency > 0) runtime.startWorker();
  const ms = Math.round(performance.now() - started);
  logger.info({ url: config.publicUrl, database: config.database.kind, startupMs: ms }, "Sceau is listening");
  if (config.env === "development" && !cluster.isWorker) process.stdout.write(readyMessage(config));
}

/** What a developer reads once the portal answers. */
function readyMessage(config: Config): string {
  return (
    `\n  Sceau is ready: ${config.publicUrl}\n` +
    (config.devOutbox
      ? `  Emails go to the development outbox: ${config.publicUrl}/dev/outbox (files in ${join(config.dataDir, "outbox")})\n`
      : "") +
    `  Database: ${config.database.kind === "pglite" ? `embedded PGlite in ${config.database.dir}` : "PostgreSQL"}` +
    (config.webProcesses > 1 ? `, ${config.webProcesses} server processes` : "") +
    "\n\n"
  );
}

main().catch((err) => {
  process.stderr.write(
    `Sceau failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
