import nodemailer from "nodemailer";
import { MailRejected } from "../../core/mail/mail-rejected.ts";
import type { Mailer } from "../../core/ports.ts";

/** Sends through an SMTP server given as smtp://user:pass@host:port or smtps://… */
export function smtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from, ...message });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refused for good (a bounce); 4xx and network errors are worth a retry.
        if (typeof code === "number" && code >= 500)
          throw new MailRejected(`bounced (${code}): ${(error as Error).message}`);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
