import { requireAccess } from "../access/require-access.ts";
import type { UserStatus, UserSummary } from "../accounts/accounts.types.ts";
import type { Actor } from "../accounts/actor.ts";
import { presentUserSummaries } from "../accounts/present-user.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/** The operator disables (every session ends at once) or enables a user (not a closed one: not_found). */
export async function setUserStatus(
  deps: CoreDeps,
  actor: Actor,
  userId: string,
  status: Exclude<UserStatus, "closed">,
): Promise<UserSummary> {
  await requireAccess(deps, actor, "users.manage");
  if (userId === actor.user.id) throw new DomainError("cannot_change_self");
  const user = await deps.transact(async (stores) => {
    // A closed account stays closed: it has no email or password left to enable.
    if ((await stores.users.findById(userId))?.status === "closed") return null;
    const updated = await stores.users.update(userId, { status });
    if (!updated) return null;
    if (status === "disabled") await stores.sessions.revokeAll(userId, deps.clock.now());
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: status === "disabled" ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      details: { email: updated.email },
    });
    return updated;
  });
  if (!user) throw new DomainError("not_found");
  const [summary] = await presentUserSummaries(deps.stores, [user]);
  if (!summary) throw new DomainError("not_found");
  return summary;
}
