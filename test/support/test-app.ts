import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Outbox, outboxMailer } from "../../src/adapters/mail/outbox-mailer.ts";
import { buildRuntime, type Runtime } from "../../src/composition/deps.ts";
import { createLogger } from "../../src/composition/logger.ts";
import { type Config, loadConfig } from "../../src/config/config.ts";
import type { OutboxMessage } from "../../src/core/mail/mail.types.ts";
import type { Clock, CoreDeps, Mailer } from "../../src/core/ports.ts";
import { buildApp } from "../../src/server/app.ts";
import { type Backend, createTestDatabase } from "./test-database.ts";

/** A clock tests can move forward. */
export class TestClock implements Clock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  core: CoreDeps;
  config: Config;
  runtime: Runtime;
  clock: TestClock;
  /** The real outbox adapter, in a temporary folder: every email the app sends. */
  mail: Outbox;
  waitForMail(to: string, subjectPart?: string, timeoutMs?: number): Promise<OutboxMessage>;
  close(): Promise<void>;
}

export async function startTestApp(
  backend: Backend,
  options: {
    env?: Record<string, string>;
    mailer?: Mailer;
    webRoot?: string | null;
    /** Let the runtime pick the mailer from the config (SMTP_URL or the development outbox), as in production. */
    configuredMailer?: boolean;
    /** Run the background job worker (issuing batches, mail) in the test process. */
    worker?: boolean;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "sceau-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PUBLIC_URL: "http://localhost:3000",
    AUTH_RATE_LIMIT: "10000",
    JOB_POLL_MS: "50",
    JOB_RETRY_BASE_MS: "200",
    ...options.env,
  });
  const db = await createTestDatabase(backend);
  const clock = new TestClock();
  const mail = outboxMailer(join(dataDir, "outbox"), config.mailFrom);
  const runtime = await buildRuntime(config, createLogger(config), {
    database: db.database,
    ...(options.configuredMailer ? {} : { mailer: options.mailer ?? mail }),
    webRoot: options.webRoot ?? null,
    clock,
  });
  const app = await buildApp(config, runtime.deps, createLogger(config));
  await app.ready();
  if (options.worker) runtime.startWorker();
  return {
    app,
    core: runtime.deps.core,
    config,
    runtime,
    clock,
    mail,
    async waitForMail(to, subjectPart = "", timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (const m of await mail.list()) {
          if (m.to === to && m.subject.includes(subjectPart)) {
            const full = await mail.get(m.id);
            if (full) return full;
          }
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no email to ${to} with subject containing "${subjectPart}"`);
    },
    async close() {
      await app.close();
      await runtime.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The link in an email's text that starts with the given path. */
export function linkIn(message: OutboxMessage, path: string): string {
  const m = message.text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/#]/g, "\\$&")}[^\\s]*`));
  if (!m) throw new Error(`no ${path} link in email "${message.subject}"`);
  return m[0];
}

export const tokenFromLink = (link: string): string => {
  const token = new URL(link).hash.replace(/^#token=/, "");
  if (!token) throw new Error(`no token in ${link}`);
  return token;
};
