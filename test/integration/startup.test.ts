import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
