import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import { findOwnShare } from "./revoke-share.ts";
import { isLocked } from "./share-rules.ts";
import type { ShareSummary } from "./sharing.types.ts";

/**
 * The learner gives a link share a new passcode (a link without one gets one): the old one stops
 * working at once, and so does every browser that opened the share with it (its access is bound to
 * the passcode); the lock and the failures counted go. Audited (not the passcode).
 */
export async function changeSharePasscode(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  passcode: string,
): Promise<ShareSummary> {
  const share = await findOwnShare(deps, actor, id);
  if (share.revokedAt) throw new DomainError("share_not_active");
  if (share.channel !== "link")
    throw new DomainError("validation_failed", {
      issues: [
        {
          path: "passcode",
          message: {
            fr: "Seul un partage par lien a un code d'accès.",
            en: "Only a link share has a passcode.",
          },
        },
      ],
    });
  const passcodeHash = await deps.passwords.hash(passcode);
  const now = deps.clock.now();
  const wasLocked = isLocked(share, now);
  await deps.transact(async (stores) => {
    if (!(await stores.shares.setPasscode(actor.user.id, share.id, passcodeHash)))
      throw new DomainError("share_not_active");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "share.passcode_changed",
      targetType: "share",
      targetId: share.id,
      details: { hadPasscode: share.passcodeHash !== null, wasLocked },
    });
  });
  deps.shareCache.forget(share.id);
  const changed = { ...share, passcodeHash, failedAttempts: 0, lastFailureAt: null, lockedUntil: null };
  const [summary] = await summarizeShares(deps.stores, [changed], now);
  if (!summary) throw new DomainError("not_found");
  return summary;
}
