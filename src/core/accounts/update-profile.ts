import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { CurrentUser } from "./accounts.types.ts";
import type { Actor } from "./actor.ts";
import { presentCurrentUser } from "./present-user.ts";

export async function updateProfile(
  deps: CoreDeps,
  actor: Actor,
  patch: { displayName?: string; locale?: Locale },
): Promise<CurrentUser> {
  const user = await deps.stores.users.update(actor.user.id, {
    ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
  });
  if (!user) throw new DomainError("not_found");
  return presentCurrentUser(deps.stores, user, actor.memberships);
}
