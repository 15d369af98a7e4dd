import { secondsLocked } from "../accounts/throttle-policy.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findShareByToken, unavailableReason } from "./find-live-share.ts";
import { shareCodeEmail } from "./share-emails.ts";
import {
  codeDigest,
  emailHint,
  ONE_TIME_CODE_DIGITS,
  ONE_TIME_CODE_MINUTES,
  randomDigits,
} from "./share-rules.ts";

/** A new code no sooner than this after the previous one. */
const RESEND_AFTER_MS = 30_000;

/**
 * Emails a one-time code (8 digits, 10 minutes, stored hashed) to the address a share is for.
 * A new code replaces the previous one; asking again within 30 seconds sends nothing more. The
 * email comes in the language the recipient reads the page in first (the other one after it).
 */
export async function sendShareCode(
  deps: CoreDeps,
  token: string,
  locale: "fr" | "en" = "fr",
): Promise<{ emailHint: string }> {
  const found = await findShareByToken(deps, token);
  if (!found) throw new DomainError("not_found");
  const { share } = found;
  const now = deps.clock.now();
  if (unavailableReason(share, now) || !share.recipientEmail) throw new DomainError("not_found");
  // A locked share takes no attempt before its lock ends: no code to send either.
  const wait = secondsLocked(share, now);
  if (wait > 0) throw new DomainError("too_many_attempts", { retryAfter: wait });
  const to = share.recipientEmail;
  const lifetimeMs = ONE_TIME_CODE_MINUTES * 60_000;
  const sentAt = share.otpExpiresAt ? share.otpExpiresAt.getTime() - lifetimeMs : null;
  if (sentAt !== null && now.getTime() - sentAt < RESEND_AFTER_MS) return { emailHint: emailHint(to) };

  const code = randomDigits(() => deps.secrets.randomToken(), ONE_TIME_CODE_DIGITS);
  await deps.stores.shares.setOneTimeCode(
    share.id,
    deps.secrets.hashToken(codeDigest(share.id, code)),
    new Date(now.getTime() + lifetimeMs),
  );
  const institution = await deps.stores.institutions.findById(found.documents[0]?.institution.id ?? "");
  if (institution)
    // The code is a secret: straight to the mailer, never into the jobs table.
    deps.background("share-code-email", () =>
      deps.mailer.send(shareCodeEmail({ to, locale, institution, publicUrl: deps.settings.publicUrl, code })),
    );
  return { emailHint: emailHint(to) };
}
