import { requireAccess } from "../access/require-access.ts";
import type { UserSummary } from "../accounts/accounts.types.ts";
import type { Actor } from "../accounts/actor.ts";
import { presentUserSummaries } from "../accounts/present-user.ts";
import type { CoreDeps } from "../ports.ts";

export const USERS_PAGE_SIZE = 25;

export async function listUsers(
  deps: CoreDeps,
  actor: Actor,
  query: { q: string; page: number },
): Promise<{ users: UserSummary[]; total: number; page: number; pageSize: number }> {
  await requireAccess(deps, actor, "users.manage");
  const page = Math.max(1, Math.floor(query.page));
  const { users, total } = await deps.stores.users.list({
    q: query.q,
    offset: (page - 1) * USERS_PAGE_SIZE,
    limit: USERS_PAGE_SIZE,
  });
  return { users: await presentUserSummaries(deps.stores, users), total, page, pageSize: USERS_PAGE_SIZE };
}
