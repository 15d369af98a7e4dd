import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRuntime, WEB_ROOT } from "../../src/composition/deps.ts";
import { createLogger } from "../../src/composition/logger.ts";
import { loadConfig } from "../../src/config/config.ts";
import type { CoreDeps } from "../../src/core/ports.ts";
import { buildApp } from "../../src/server/app.ts";
import { qpDecode } from "./e2e/qp-decode.ts";
import { startSmtpSink } from "./smtp-sink.ts";
import { type Backend, createTestDatabase } from "./test-database.ts";

/**
 * The real server on a loopback port, serving the built web app, sending mail to a real SMTP server on loopback.
 * With `worker`, it also runs the background jobs (issuing batches, learner emails).
 */
export async function startE2eServer(backend: Backend, options: { worker?: boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), "sceau-e2e-"));
  const smtp = await startSmtpSink();
  const db = await createTestDatabase(backend);
  // Listen first on a free port, so PUBLIC_URL (used in emailed links) is right.
  const probe = (await import("node:net")).createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: smtp.url,
    LOG_LEVEL: "silent",
    AUTH_RATE_LIMIT: "1000",
  });
  const runtime = await buildRuntime(config, createLogger(config), {
    database: db.database,
    webRoot: WEB_ROOT,
  });
  const app = await buildApp(config, runtime.deps, createLogger(config));
  if (options.worker) runtime.startWorker();
  await app.listen({ port, host: "127.0.0.1" });
  return {
    url: config.publicUrl,
    core: runtime.deps.core as CoreDeps,
    /** The server's own database (tests change rows with SQL, e.g. to revoke a document). */
    database: runtime.database,
    smtp,
    async close() {
      await app.close();
      await runtime.close();
      await db.drop();
      await smtp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first link in a raw (quoted-printable) email that contains the given path. */
export function linkInRawMail(raw: string, path: string): string {
  const decoded = qpDecode(raw);
  const m = decoded.match(new RegExp(`https?://[^\\s"<>]+${path.replace(/[/#]/g, "\\$&")}[^\\s"<>]*`));
  if (!m) throw new Error(`no link with ${path} in the email`);
  return m[0];
}
