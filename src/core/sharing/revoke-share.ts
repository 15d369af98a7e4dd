import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { UUID_PATTERN } from "../ids.ts";
import type { CoreDeps } from "../ports.ts";
import { summarizeShares } from "./list-shares.ts";
import type { ShareSummary } from "./sharing.types.ts";

/** The actor's own share, else not_found (another learner's, an API key, an unknown id). */
export async function findOwnShare(deps: CoreDeps, actor: Actor, id: string) {
  // Views batched by this process are written first, so the summary returned counts them.
  await deps.shareViews.flush();
  await requireAccess(deps, actor, "account.self");
  const share = UUID_PATTERN.test(id)
    ? await deps.stores.shares.findForUser(actor.user.id, id.toLowerCase())
    : null;
  if (!share) throw new DomainError("not_found");
  return share;
}

/** Ends the share at once: its link answers as unavailable from now on. Audited. */
export async function revokeShare(deps: CoreDeps, actor: Actor, id: string): Promise<ShareSummary> {
  const share = await findOwnShare(deps, actor, id);
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    if (!(await stores.shares.revoke(actor.user.id, share.id, now)))
      throw new DomainError("share_not_active");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "share.revoked",
      targetType: "share",
      targetId: share.id,
      details: { channel: share.channel },
    });
  });
  deps.shareCache.forget(share.id);
  const [summary] = await summarizeShares(deps.stores, [{ ...share, revokedAt: now }], now);
  if (!summary) throw new DomainError("not_found");
  return summary;
}
