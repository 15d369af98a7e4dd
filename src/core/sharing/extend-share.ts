import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import { findOwnShare } from "./revoke-share.ts";
import { addDays, extendableUntil } from "./share-rules.ts";
import type { ShareSummary } from "./sharing.types.ts";

/**
 * Pushes a live or expired (not revoked) share's expiry `days` further, from now when it has
 * expired, never past a year after its creation (share_extension_limit when it is there already).
 */
export async function extendShare(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  days: number,
): Promise<ShareSummary> {
  const share = await findOwnShare(deps, actor, id);
  if (share.revokedAt) throw new DomainError("share_not_active");
  const now = deps.clock.now();
  const limit = extendableUntil(share);
  const from = new Date(Math.max(share.expiresAt.getTime(), now.getTime()));
  const wanted = addDays(from, days);
  const expiresAt = new Date(Math.min(wanted.getTime(), limit.getTime()));
  if (expiresAt <= share.expiresAt || expiresAt <= now) throw new DomainError("share_extension_limit");
  await deps.transact(async (stores) => {
    if (!(await stores.shares.setExpiry(actor.user.id, share.id, expiresAt)))
      throw new DomainError("share_not_active");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "share.extended",
      targetType: "share",
      targetId: share.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
  });
  deps.shareCache.forget(share.id);
  const [summary] = await summarizeShares(deps.stores, [{ ...share, expiresAt }], now);
  if (!summary) throw new DomainError("not_found");
  return summary;
}
