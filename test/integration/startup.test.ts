import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildRuntime } from "../../src/composition/deps.ts";
import { createLogger } from "../../src/composition/logger.ts";
import { loadConfig } from "../../src/config/config.ts";
import { authenticate } from "../../src/core/accounts/authenticate.ts";
import { startSession } from "../../src/core/accounts/start-session.ts";
import { createShare } from "../../src/core/sharing/create-share.ts";
import { revokeShare } from "../../src/core/sharing/revoke-share.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { createTestDatabase } from "../support/test-database.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
}

describe("the server process", () => {
  it("starts on an empty embedded database, migrates, seeds the demo once, answers /healthz, and stops cleanly on SIGTERM", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "sceau-start-"));
    const port = await freePort();
    let proc: ReturnType<typeof startServer> | null = null;
    try {
      proc = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" });
      const p = proc;
      await waitFor(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
        } catch {
          return false;
        }
      }, 60_000);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: "ok" });
      expect(p.output()).toMatch(/operator@demo\.sceau\.localhost\s+password \/ mot de passe: \S{16}/);
      expect(p.output()).toContain("/dev/outbox");
      expect((await readdir(dataDir)).sort()).toEqual(expect.arrayContaining(["master.key", "pglite"]));
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);

      // Second start: same data, no new passwords.
      proc = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" });
      const q = proc;
      await waitFor(() => q.output().includes("Sceau is ready"), 60_000);
      expect(q.output()).not.toMatch(/mot de passe:/);
      q.child.kill("SIGINT");
      expect(await q.exited).toBe(0);
    } finally {
      proc?.child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to start in production without SCEAU_MASTER_KEY, PUBLIC_URL and DATABASE_URL, naming all three", async () => {
    const p = startServer({ NODE_ENV: "production" });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/SCEAU_MASTER_KEY/);
    expect(p.output()).toMatch(/PUBLIC_URL/);
    expect(p.output()).toMatch(/DATABASE_URL/);
  }, 30_000);

  it("refuses to start in production while migrations are pending", async () => {
    const pg = await import("pg");
    const name = `sceau_empty_${Date.now()}`;
    const { PG_ADMIN_URL } = await import("../support/test-database.ts");
    const admin = new pg.default.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const p = startServer({
        NODE_ENV: "production",
        SCEAU_MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
        PUBLIC_URL: "https://sceau.example.ca",
        DATABASE_URL: url.toString(),
        PORT: String(await freePort()),
      });
      expect(await p.exited).toBe(1);
      expect(p.output()).toMatch(/migration\(s\) pending: run "sceau migrate"/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});

describe("several server processes (WEB_PROCESSES=2, PostgreSQL)", () => {
  it("serves from two processes that both hear a revocation made elsewhere, replaces a killed one, and stops on SIGTERM", async () => {
    const db = await createTestDatabase("postgres");
    const dataDir = await mkdtemp(join(tmpdir(), "sceau-cluster-"));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: db.target.kind === "postgres" ? db.target.url : "",
      SCEAU_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      PUBLIC_URL: base,
      PORT: String(port),
      HOST: "127.0.0.1",
      JOB_CONCURRENCY: "0",
    };
    // The fixtures come from this process, a third writer beside the two servers.
    const config = loadConfig({ ...env, LOG_LEVEL: "silent" });
    const runtime = await buildRuntime(config, createLogger(config), {
      database: db.database,
      webRoot: null,
    });
    const core = runtime.deps.core;
    let proc: ReturnType<typeof startServer> | null = null;
    const listeners = async () =>
      Number(
        (
          (await db.database.db.execute(
            sql`select count(*) as n from pg_stat_activity where datname = current_database() and query = 'LISTEN sceau_share_changes' and pid <> pg_backend_pid()`,
          )) as unknown as { rows: { n: string }[] }
        ).rows[0]?.n,
      );
    // Twenty requests at once: several connections, handed out to both processes in turn.
    const openTwenty = async (token: string) =>
      Promise.all(
        Array.from({ length: 20 }, () => fetch(`${base}/api/v1/shares/${token}`).then((r) => r.status)),
      );
    try {
      const inst = await makeInstitution(core);
      const type = await makeDocumentType(core, inst);
      const { user } = await makeUser(core, { email: `cluster-${Date.now()}@home.test` });
      const learner = await makeLearner(core, inst);
      await core.stores.learners.linkUser(learner.id, user.id);
      const { document } = await makeDocument(core, inst, { learner, type });
      const session = await core.transact((stores) =>
        startSession(core, stores, user.id, { ip: "127.0.0.1", userAgent: "test" }),
      );
      const actor = await authenticate(core, session.token, "127.0.0.1");
      if (!actor) throw new Error("no actor");
      const created = await createShare(core, actor, { channel: "link", documentIds: [document.id] });
      const token = created.link?.split("/s/")[1] ?? "";

      // This process's own runtime listens too.
      const ours = await listeners();
      proc = startServer({ ...env, WEB_PROCESSES: "2", LOG_LEVEL: "info" });
      const p = proc;
      await waitFor(() => p.output().includes("Sceau is ready"), 60_000);
      expect(p.output()).toContain("2 server processes");
      // Each server process listens for share changes on its own connection.
      await waitFor(async () => (await listeners()) === ours + 2, 10_000);
      expect(await openTwenty(token)).toEqual(Array(20).fill(200));

      await revokeShare(core, actor, created.share.id);
      const started = Date.now();
      await waitFor(async () => (await openTwenty(token)).every((s) => s === 404), 5_000);
      expect(Date.now() - started).toBeLessThan(2_000);

      // A server process killed outright is replaced; the port keeps answering.
      const pids = [...p.output().matchAll(/"pid":(\d+),[^\n]*"startupMs"/g)].map((m) => Number(m[1]));
      expect(new Set(pids).size).toBe(2);
      process.kill(pids[0] ?? 0, "SIGKILL");
      await waitFor(() => p.output().includes("a server process died"), 10_000);
      await waitFor(async () => (await listeners()) === ours + 2, 30_000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
      await waitFor(async () => (await listeners()) === ours, 10_000);
    } finally {
      proc?.child.kill("SIGKILL");
      await runtime.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
