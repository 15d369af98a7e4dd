import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OutboxMessage, OutboxSummary } from "../../core/mail/mail.types.ts";
import type { Mailer } from "../../core/ports.ts";

export interface Outbox extends Mailer {
  readonly dir: string;
  list(): Promise<OutboxSummary[]>;
  get(id: string): Promise<OutboxMessage | null>;
}

const ID = /^[0-9]{13}-[0-9a-f-]{36}$/;

/** Development mail: each message is a JSON file under DATA_DIR/outbox, readable in the web app. */
export function outboxMailer(dir: string, from: string): Outbox {
  return {
    dir,
    async send(message) {
      await mkdir(dir, { recursive: true });
      const sentAt = new Date();
      const id = `${sentAt.getTime()}-${randomUUID()}`;
      const stored: OutboxMessage = { id, from, sentAt: sentAt.toISOString(), ...message };
      await writeFile(join(dir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const ids = names
        .filter((n) => n.endsWith(".json"))
        .map((n) => n.slice(0, -5))
        .filter((id) => ID.test(id));
      ids.sort().reverse();
      const out: OutboxSummary[] = [];
      for (const id of ids.slice(0, 200)) {
        const m = await this.get(id);
        if (m) out.push({ id: m.id, to: m.to, subject: m.subject, sentAt: m.sentAt });
      }
      return out;
    },
    async get(id) {
      if (!ID.test(id)) return null;
      try {
        return JSON.parse(await readFile(join(dir, `${id}.json`), "utf8")) as OutboxMessage;
      } catch {
        return null;
      }
    },
  };
}
