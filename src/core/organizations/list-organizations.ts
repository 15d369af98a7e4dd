import { can } from "../access/can.ts";
import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { foldText } from "../learners/learner-rules.ts";
import type { CoreDeps } from "../ports.ts";
import { toDirectoryEntry } from "./organization-rules.ts";
import type { DirectoryEntry, Organization } from "./organizations.types.ts";

const LIMIT = 50;

/** The directory for anyone signed in (learners choosing where to share): active organizations, no contact email. */
export async function searchDirectory(deps: CoreDeps, actor: Actor, q: string): Promise<DirectoryEntry[]> {
  await requireAccess(deps, actor, "account.self");
  const found = await deps.stores.organizations.search({
    q: foldText(q.trim()),
    includeArchived: false,
    limit: LIMIT,
  });
  return found.map(toDirectoryEntry);
}

/** Every organization with its contact email and archive state (the operator's list). */
export async function listOrganizations(deps: CoreDeps, actor: Actor, q: string): Promise<Organization[]> {
  await requireAccess(deps, actor, "organizations.manage");
  return deps.stores.organizations.search({ q: foldText(q.trim()), includeArchived: true, limit: 200 });
}

/** The active organizations whose staff the actor belongs to (the web app's inbox links). */
export async function listStaffedOrganizations(deps: CoreDeps, actor: Actor): Promise<Organization[]> {
  const ids = [...new Set(actor.memberships.flatMap((m) => (m.organizationId ? [m.organizationId] : [])))];
  const orgs = await deps.stores.organizations.listByIds(ids);
  return orgs.filter((o) => can(actor, "organization.inbox", o));
}
