import type { ReceivedMail } from "../smtp-sink.ts";
import { qpDecode } from "./qp-decode.ts";

/**
 * The first message the SMTP sink received for `to` whose decoded text passes `test`, waiting up
 * to 10 seconds for it to arrive; throws when none does.
 */
export async function mailTo(
  smtp: { messages: ReceivedMail[] },
  to: string,
  test: (text: string) => boolean,
): Promise<ReceivedMail> {
  for (let i = 0; i < 400; i++) {
    const m = smtp.messages.find((x) => x.to.includes(to) && test(qpDecode(x.raw)));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no matching email to ${to}`);
}
