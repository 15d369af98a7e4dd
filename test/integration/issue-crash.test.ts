import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, type Runtime } from "../../src/composition/deps.ts";
import { createLogger } from "../../src/composition/logger.ts";
import { loadConfig } from "../../src/config/config.ts";
import { seedDemo } from "../../src/core/demo/seed-demo.ts";
import { makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeZip } from "../support/make-zip.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { BACKENDS, createTestDatabase } from "../support/test-database.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCEAU = join(ROOT, "bin", "sceau");
const LEARNERS = 40;
const PER_LEARNER = 6;
const DOCS = LEARNERS * PER_LEARNER;

/** Files under a folder, recursively (the blob store's files: staged sources, then signed documents). */
const countFiles = (dir: string): number => {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    n += statSync(path).isDirectory() ? countFiles(path) : 1;
  }
  return n;
};

describe.each(BACKENDS)("a batch survives its worker's crash on %s", (backend) => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void> = async () => {};
  const open = async (): Promise<Runtime> => {
    const config = loadConfig({ NODE_ENV: "test", ...env });
    return buildRuntime(config, createLogger(config), { webRoot: null });
  };
  const run = (args: string[], extraEnv: Record<string, string> = {}): ChildProcess =>
    spawn(process.execPath, [SCEAU, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: dir, LOG_LEVEL: "error", ...env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) => {
      let out = "";
      let err = "";
      child.stdout?.on("data", (d) => {
        out += d;
      });
      child.stderr?.on("data", (d) => {
        err += d;
      });
      child.on("exit", (code, signal) => resolve({ code, signal, out, err }));
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sceau-crash-"));
    env = { DATA_DIR: join(dir, "data"), JOB_LEASE_MS: "1500", JOB_POLL_MS: "100" };
    if (backend === "postgres") {
      const db = await createTestDatabase("postgres");
      if (db.target.kind === "postgres") env.DATABASE_URL = db.target.url;
      await db.database.close();
      drop = db.drop;
    }
    // The institution, its learners and its document type, then the manifest and the ZIP.
    const runtime = await open();
    const core = runtime.deps.core;
    await seedDemo(core);
    // B-B: the kill below is timed on plain signatures (the demo's default, B-LTA, asks its TSA and
    // OCSP responder for every document and records its first chunk later).
    const seeded = await core.stores.institutions.findBySlug("demo");
    const demo = seeded && (await core.stores.institutions.update(seeded.id, { signatureLevel: "B-B" }));
    if (!demo) throw new Error("no demo institution");
    const type = await makeDocumentType(core, demo);
    const rows = ["external_id,student_number,document_type,title,issue_date,file"];
    const entries = [];
    for (let l = 0; l < LEARNERS; l++) {
      const learner = await makeLearner(core, demo, { givenName: `Learner${l}` });
      for (let d = 0; d < PER_LEARNER; d++) {
        const name = `l${l}-d${d}.pdf`;
        rows.push(`CRASH-${l}-${d},${learner.studentNumber},${type.code},Document ${d},2026-06-15,${name}`);
        entries.push({ name, data: await samplePdf({ title: `Learner ${l} document ${d}` }) });
      }
    }
    await runtime.close();
    writeFileSync(join(dir, "manifest.csv"), rows.join("\n"));
    writeFileSync(join(dir, "files.zip"), makeZip(entries));
  }, 180_000);
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("resumes after the process is killed mid-batch: every document issued once, every learner invited once", async () => {
    const args = ["issue", "--institution", "demo", "--manifest", "manifest.csv", "--files", "files.zip"];
    const blobs = join(dir, "data", "blobs");
    // 1. Start issuing, then kill -9 once some documents are signed (the staged sources come first).
    const first = run(args);
    const firstExit = exited(first);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const n = (() => {
        try {
          return countFiles(blobs);
        } catch {
          return 0;
        }
      })();
      if (n >= DOCS + 130) break;
      if (Date.now() > deadline) throw new Error("the batch did not start");
      await new Promise((r) => setTimeout(r, 20));
    }
    first.kill("SIGKILL");
    expect((await firstExit).signal).toBe("SIGKILL");

    // Some rows were issued, not all.
    let runtime = await open();
    const count = async (query: string) => {
      const res = await runtime.database.db.execute(sql.raw(query));
      return Number((res as unknown as { rows: { n: string | number }[] }).rows[0]?.n);
    };
    const issuedAtCrash = await count("select count(*) as n from documents where external_id like 'CRASH-%'");
    expect(issuedAtCrash).toBeGreaterThan(0);
    expect(issuedAtCrash).toBeLessThan(DOCS);
    await runtime.close();

    // 2. Run the same command again: nothing new is created; the unfinished batch resumes once its lease runs out.
    const second = await exited(run(args));
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/Done: \d+ issued, 0 already issued, 0 failed|Terminé/);

    // 3. The worker sends the invitations over SMTP.
    const smtp = await startSmtpSink();
    const worker = run(["worker"], { SMTP_URL: smtp.url });
    const workerExit = exited(worker);
    const until = Date.now() + 60_000;
    while (smtp.messages.length < LEARNERS * 2 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500)); // any duplicate would arrive now
    worker.kill("SIGTERM");
    expect((await workerExit).code).toBe(0);
    await smtp.close();

    runtime = await open();
    expect(await count("select count(*) as n from documents where external_id like 'CRASH-%'")).toBe(DOCS);
    expect(
      await count("select count(distinct external_id) as n from documents where external_id like 'CRASH-%'"),
    ).toBe(DOCS);
    expect(await count("select count(*) as n from batches")).toBe(1);
    expect(await count("select count(*) as n from batch_items where status = 'issued'")).toBe(DOCS);
    expect(await count("select count(*) as n from audit_events where action = 'document.issued'")).toBe(DOCS);
    expect(await count("select count(*) as n from learner_invitations")).toBe(LEARNERS);
    expect(
      await count("select count(*) as n from learner_invitations where send_count = 1 and status = 'sent'"),
    ).toBe(LEARNERS);
    // Two emails per learner (code, then password), none twice.
    const perRecipient = new Map<string, number>();
    for (const m of smtp.messages)
      for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.size).toBe(LEARNERS);
    expect([...perRecipient.values()].every((n) => n === 2)).toBe(true);
    // Every issued file is in the blob store and matches its hash.
    const docs = (await runtime.database.db.execute(
      sql`select institution_id, sha256 from documents where external_id like 'CRASH-%'`,
    )) as unknown as { rows: { institution_id: string; sha256: string }[] };
    for (const d of docs.rows) {
      const bytes = await runtime.deps.core.blobs.get(d.institution_id, d.sha256);
      expect(runtime.deps.core.pdf.sha256(bytes)).toBe(d.sha256);
    }
    expect((await runtime.deps.core.stores.audit.verifyChain()).ok).toBe(true);
    await runtime.close();
  }, 300_000);
});
