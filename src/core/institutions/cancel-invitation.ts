import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findVisibleInstitution } from "./find-visible-institution.ts";

export async function cancelInvitation(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  invitationId: string,
): Promise<void> {
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "admin");
  const current = await deps.stores.invitations.findById(invitationId);
  if (!current || current.institutionId !== inst.id) throw new DomainError("not_found");
  await deps.stores.invitations.cancel(current.id, deps.clock.now());
}
