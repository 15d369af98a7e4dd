import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findShareByToken, grantAccess, type ShareClient, unavailableReason } from "./find-live-share.ts";
import { codeDigest, MAX_ACCESS_ATTEMPTS } from "./share-rules.ts";

/**
 * The recipient types the passcode and/or the emailed one-time code. Both must be right when both
 * are set. Each failure counts; the fifth locks the share for good (too_many_attempts). A right
 * code works once. Unknown, expired, revoked or used-up links are not_found.
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
  const reason = unavailableReason(share, now);
  if (reason === "locked") throw new DomainError("too_many_attempts");
  if (reason) throw new DomainError("not_found");

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
  if (!passcodeOk || !codeOk) {
    const failures = await deps.transact(async (stores) => {
      await stores.shares.addEvent({
        shareId: share.id,
        kind: "access_failed",
        documentId: null,
        organizationId: null,
        createdAt: now,
        ...client,
      });
      return stores.shares.recordFailure(share.id);
    });
    deps.shareCache.forget(share.id);
    if (failures >= MAX_ACCESS_ATTEMPTS) throw new DomainError("too_many_attempts");
    throw new DomainError("share_access_denied");
  }
  await deps.stores.shares.clearSecrets(share.id);
  deps.shareCache.forget(share.id);
  return grantAccess(deps, share);
}
