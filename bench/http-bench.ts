/**
 * HTTP load on the real server (`src/server/main.ts` in its own processes: PostgreSQL, production
 * config, loopback): a share link's metadata API (`GET /api/v1/shares/<token>`, a share without a
 * view limit: every request is a recorded view), the signed-in learner's wallet list, and
 * `GET /healthz` as the baseline measured in the same run; once with one server process and once
 * with WEB_PROCESSES=2 (`BENCH_PROCESSES=1,2`). The share route is measured twice: flat out, then
 * offered 5,000 requests/s in all (`BENCH_TARGET_RATE`) to read its latency at that rate.
 * autocannon runs in a worker thread of this process.
 * Prints one JSON object. Run: `npm run bench:http` (`BENCH_SECONDS=5 BENCH_CONNECTIONS=50`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { buildRuntime } from "../src/composition/deps.ts";
import { createLogger } from "../src/composition/logger.ts";
import { loadConfig } from "../src/config/config.ts";
import { authenticate } from "../src/core/accounts/authenticate.ts";
import { startSession } from "../src/core/accounts/start-session.ts";
import { createShare } from "../src/core/sharing/create-share.ts";
import { SESSION_COOKIE } from "../src/server/http/auth.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../test/support/document-factories.ts";
import { makeInstitution, makeUser } from "../test/support/factories.ts";
import { createTestDatabase } from "../test/support/test-database.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARMUP_SECONDS = 2;
const TARGET_RATE = Number(process.env.BENCH_TARGET_RATE ?? 5000);
const PROCESSES = (process.env.BENCH_PROCESSES ?? "1,2").split(",").map(Number);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const db = await createTestDatabase("postgres");
await db.database.close();
const dataDir = mkdtempSync(join(tmpdir(), "sceau-bench-http-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The fixtures' runtime (this process) and the measured servers share the database and master key.
const env = {
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  DATABASE_URL: db.target.kind === "postgres" ? db.target.url : "",
  SCEAU_MASTER_KEY: randomBytes(32).toString("base64"),
  PUBLIC_URL: base,
  LOG_LEVEL: "error",
  HOST: "127.0.0.1",
  PORT: String(port),
  JOB_CONCURRENCY: "0",
};
const config = loadConfig(env);
const logger = createLogger(config);
const runtime = await buildRuntime(config, logger, { webRoot: null });
const core = runtime.deps.core;

// Fixtures (not measured), through the stores and the use cases: a learner with three documents,
// a session, and a link share of two of them with no view limit.
const inst = await makeInstitution(core);
const type = await makeDocumentType(core, inst);
const { user } = await makeUser(core, { email: "bench-learner@home.test" });
const record = await makeLearner(core, inst, { givenName: "Léa", familyName: "Tremblay" });
await core.stores.learners.linkUser(record.id, user.id);
const docs = [];
// Production has no development PKI: the fixtures' documents are signed with one (not measured).
const issuing = { ...core, settings: { ...core.settings, developmentPki: true } };
for (let i = 0; i < 3; i++)
  docs.push((await makeDocument(issuing, inst, { learner: record, type })).document);
const session = await core.transact((stores) =>
  startSession(core, stores, user.id, { ip: "127.0.0.1", userAgent: "bench" }),
);
const actor = await authenticate(core, session.token, "127.0.0.1");
if (!actor) throw new Error("no actor");
const created = await createShare(core, actor, {
  channel: "link",
  documentIds: docs.slice(0, 2).map((d) => d.id),
  downloadAllowed: true,
});
const token = created.link?.split("/s/")[1];
if (!token) throw new Error("no link");

/** One autocannon run in a worker thread; resolves with its result. */
function cannon(
  path: string,
  seconds: number,
  headers: Record<string, string> = {},
  overallRate: number | undefined = undefined,
) {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const autocannon = require("autocannon");
    autocannon(workerData, (err, result) => {
      if (err) throw err;
      // Off the main thread autocannon leaves its histograms encoded: aggregate them here.
      const done = autocannon.aggregateResult([result], workerData);
      parentPort.postMessage(JSON.parse(JSON.stringify(done)));
    });`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { url: `${base}${path}`, connections: CONNECTIONS, duration: seconds, headers, overallRate },
  });
  return new Promise<AutocannonResult>((resolve, reject) => {
    worker.once("message", (r) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
}

/** The run's length in seconds as autocannon measured it. */
const seconds = (r: AutocannonResult) => r.duration;

/** As many requests as the server answers (`rate` unset), or `rate` requests per second in all. */
async function measure(path: string, headers: Record<string, string> = {}, rate?: number) {
  await cannon(path, WARMUP_SECONDS, headers, rate);
  const r = await cannon(path, SECONDS, headers, rate);
  return {
    requestsPerSecond: Math.round(r.requests.total / seconds(r)),
    requests: r.requests.total,
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

const count = async (query: string) =>
  Number(
    ((await runtime.database.db.execute(sql.raw(query))) as unknown as { rows: { n: string }[] }).rows[0]?.n,
  );

/** Starts `src/server/main.ts` with this many processes; resolves once /healthz answers. */
async function startServer(processes: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      ...env,
      WEB_PROCESSES: String(processes),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error("the server did not answer within 60 s");
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    stop: async () => {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`the server stopped with ${code}`);
    },
  };
}

const ratio = (m: { requestsPerSecond: number }, baseline: { requestsPerSecond: number }) =>
  +(m.requestsPerSecond / baseline.requestsPerSecond).toFixed(2);

const runs = [];
for (const processes of PROCESSES) {
  const server = await startServer(processes);
  const baseline = await measure("/healthz");
  const shareMetadata = await measure(`/api/v1/shares/${token}`);
  // The target: this many requests per second, offered by the same connections; latency then.
  const shareAtTargetRate = await measure(`/api/v1/shares/${token}`, {}, TARGET_RATE);
  const walletList =
    process.env.BENCH_ONLY === "share"
      ? null
      : await measure("/api/v1/wallet/documents", { cookie: `${SESSION_COOKIE}=${session.token}` });
  // Stopping writes every process's buffered views.
  await server.stop();
  runs.push({
    serverProcesses: processes,
    baselineHealthz: baseline,
    shareMetadata: { ...shareMetadata, ratioToBaseline: ratio(shareMetadata, baseline) },
    shareAtTargetRate: { offeredPerSecond: TARGET_RATE, ...shareAtTargetRate },
    walletList: walletList && { ...walletList, ratioToBaseline: ratio(walletList, baseline) },
  });
}
const viewsCounted = await count(`select view_count as n from shares where id = '${created.share.id}'`);
const viewEvents = await count(
  `select count(*) as n from share_events where share_id = '${created.share.id}' and kind = 'view'`,
);
const viewRequests = runs.reduce((n, r) => n + r.shareMetadata.requests + r.shareAtTargetRate.requests, 0);

const result = {
  backend: "postgres",
  machine: `${availableParallelism()} cores shared by the server processes, PostgreSQL and autocannon (a worker thread of the benchmark's process)`,
  connections: CONNECTIONS,
  seconds: SECONDS,
  warmupSeconds: WARMUP_SECONDS,
  runs,
  // Every answered view is one event and one count (warm-ups included, so at least the measured requests).
  views: { measuredRequests: viewRequests, viewsCounted, viewEvents },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await runtime.close();
await db.drop();
rmSync(dataDir, { recursive: true, force: true });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
