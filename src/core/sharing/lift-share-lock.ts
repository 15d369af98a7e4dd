import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import { findOwnShare } from "./revoke-share.ts";
import type { ShareSummary } from "./sharing.types.ts";

/**
 * The learner lifts the lock wrong passcodes or codes put on their share, before it ends by
 * itself: the failures counted are forgotten (each client's own back-off stays). Audited.
 */
export async function liftShareLock(deps: CoreDeps, actor: Actor, id: string): Promise<ShareSummary> {
  const share = await findOwnShare(deps, actor, id);
  if (share.revokedAt) throw new DomainError("share_not_active");
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    if (!(await stores.shares.clearLock(actor.user.id, share.id))) throw new DomainError("share_not_active");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "share.unlocked",
      targetType: "share",
      targetId: share.id,
      details: { failures: share.failedAttempts, lockedUntil: share.lockedUntil?.toISOString() ?? null },
    });
  });
  deps.shareCache.forget(share.id);
  const cleared = { ...share, failedAttempts: 0, lastFailureAt: null, lockedUntil: null };
  const [summary] = await summarizeShares(deps.stores, [cleared], now);
  if (!summary) throw new DomainError("not_found");
  return summary;
}
