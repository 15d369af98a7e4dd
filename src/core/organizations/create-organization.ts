import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { organizationSearchText } from "./organization-rules.ts";
import type { Organization, OrganizationInput } from "./organizations.types.ts";

/** Adds an organization to the directory (the operator only). */
export async function createOrganization(
  deps: CoreDeps,
  actor: Actor,
  input: OrganizationInput,
): Promise<Organization> {
  await requireAccess(deps, actor, "organizations.manage");
  const clean = { ...input, country: input.country.toUpperCase(), contactEmail: input.contactEmail || null };
  return deps.transact(async (stores) => {
    const org = await stores.organizations.create({ ...clean, searchText: organizationSearchText(clean) });
    if (!org) throw new DomainError("slug_taken");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "organization.created",
      targetType: "organization",
      targetId: org.id,
      details: { slug: org.slug },
    });
    return org;
  });
}
