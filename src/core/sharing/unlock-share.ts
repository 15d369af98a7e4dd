import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import {
  type AttemptCounter,
  lockedFor,
  type Reservation,
  refundAttempt,
  reserveAttempt,
} from "./attempt-counter.ts";
import { findShareByToken, grantAccess, type ShareClient, unavailableReason } from "./find-live-share.ts";
import { CLIENT_BACKOFF, clientThrottleKey, codeDigest, SHARE_BACKOFF } from "./share-rules.ts";
import type { ShareRecord } from "./sharing.ports.ts";

type Reserved = Extract<Reservation, { kind: "reserved" }>;

const tooMany = (seconds: number) => new DomainError("too_many_attempts", { retryAfter: seconds });

/**
 * The recipient types the passcode and/or the emailed one-time code. Both must be right when both
 * are set; a right code works once. Unknown, expired, revoked or used-up links are not_found.
 *
 * Wrong answers back off, counted in the database (several processes serve the portal): per
 * client (CLIENT_BACKOFF, on any share) and per share (SHARE_BACKOFF, only the client's own free
 * failures count there, so one client cannot lock a share for everyone). Each attempt takes its
 * place in both counts before it is checked and a right one gives it back, so concurrent attempts
 * cannot slip past a lock. A lock answers too_many_attempts with the seconds to wait; the failure
 * that locks the share is recorded in its history as a "locked" event.
 */
export async function unlockShare(
  deps: CoreDeps,
  token: string,
  input: { passcode?: string | null; code?: string | null },
  client: Omit<ShareClient, "accessToken">,
): Promise<{ token: string; expiresAt: Date }> {
  const found = await findShareByToken(deps, token);
  if (!found) throw new DomainError("not_found");
  const { share } = found;
  const now = deps.clock.now();
  if (unavailableReason(share, now)) throw new DomainError("not_found");

  const shareCounter: AttemptCounter = {
    key: share.id,
    read: () => deps.stores.shares.readAttempts(share.id),
    swap: (expected, next) => deps.stores.shares.swapAttempts(share.id, expected, next),
  };
  const shareWait = await lockedFor(shareCounter, now);
  if (shareWait > 0) throw tooMany(shareWait);
  const clientKey = clientThrottleKey((s) => deps.secrets.hashToken(s), client.ip);
  const byClient = await reserveAttempt(
    {
      key: clientKey,
      read: () => deps.stores.throttle.get(clientKey),
      swap: (expected, next) => deps.stores.throttle.swap(clientKey, expected, next),
    },
    now,
    CLIENT_BACKOFF,
  );
  if (byClient.kind === "locked") throw tooMany(byClient.seconds);
  let onShare: Reserved | null = null;
  if (byClient.after.failures <= CLIENT_BACKOFF.freeFailures) {
    const r = await reserveAttempt(shareCounter, now, SHARE_BACKOFF);
    if (r.kind === "locked") {
      await refundAttempt(byClient);
      throw tooMany(r.seconds);
    }
    onShare = r;
  } else {
    // Past its own free failures, a client only waits its turn: its attempts no longer count on the share.
    const wait = await lockedFor(shareCounter, now);
    if (wait > 0) {
      await refundAttempt(byClient);
      throw tooMany(wait);
    }
  }

  if (await answersRight(deps, share, input, now)) {
    await Promise.all([refundAttempt(byClient), onShare ? refundAttempt(onShare) : null]);
    await deps.stores.shares.spendCode(share.id);
    deps.shareCache.forget(share.id);
    return grantAccess(deps, share);
  }

  const lockedShare = onShare?.after.lockedUntil ?? null;
  const event = { shareId: share.id, documentId: null, organizationId: null, createdAt: now, ...client };
  await deps.transact(async (stores) => {
    await stores.shares.addEvent({ ...event, kind: "access_failed" });
    if (lockedShare) await stores.shares.addEvent({ ...event, kind: "locked" });
  });
  deps.shareCache.forget(share.id);
  const until = Math.max(lockedShare?.getTime() ?? 0, byClient.after.lockedUntil?.getTime() ?? 0);
  if (until > now.getTime()) throw tooMany(Math.ceil((until - now.getTime()) / 1000));
  throw new DomainError("share_access_denied");
}

async function answersRight(
  deps: CoreDeps,
  share: ShareRecord,
  input: { passcode?: string | null; code?: string | null },
  now: Date,
): Promise<boolean> {
  const passcodeOk =
    share.passcodeHash === null ||
    (!!input.passcode && (await deps.passwords.verify(share.passcodeHash, input.passcode)));
  const code = (input.code ?? "").replace(/\D/g, "");
  const codeOk =
    share.recipientEmail === null ||
    (share.otpHash !== null &&
      share.otpExpiresAt !== null &&
      share.otpExpiresAt > now &&
      code.length > 0 &&
      deps.secrets.equal(deps.secrets.hashToken(codeDigest(share.id, code)), share.otpHash));
  return passcodeOk && codeOk;
}
