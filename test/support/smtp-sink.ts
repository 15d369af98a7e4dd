import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives. Recipients for which
 * `rejects` is true are refused with 550 (a mailbox that does not exist: a bounce).
 */
export async function startSmtpSink(options: { rejects?: (address: string) => boolean } = {}): Promise<{
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
  waitFor(to: string, timeoutMs?: number): Promise<ReceivedMail>;
}> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejects?.(address.address)) {
        const error = new Error("5.1.1 No such user here") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(to, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = messages.find((x) => x.to.includes(to));
        if (m) return m;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no SMTP message to ${to}`);
    },
  };
}
