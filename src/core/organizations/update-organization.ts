import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { organizationSearchText } from "./organization-rules.ts";
import type { Organization, OrganizationInput } from "./organizations.types.ts";

export type OrganizationPatch = Partial<Omit<OrganizationInput, "slug">> & { archived?: boolean };

/** Edits, archives or restores a directory entry (the operator only). Archived ones leave the directory and their inbox closes. */
export async function updateOrganization(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  patch: OrganizationPatch,
): Promise<Organization> {
  const org = await requireAccess(deps, actor, "organization.manage", slug);
  const { archived, ...fields } = patch;
  const names = { slug: org.slug, nameFr: fields.nameFr ?? org.nameFr, nameEn: fields.nameEn ?? org.nameEn };
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const updated = await stores.organizations.update(org.id, {
      ...fields,
      ...(fields.country ? { country: fields.country.toUpperCase() } : {}),
      ...(fields.contactEmail !== undefined ? { contactEmail: fields.contactEmail || null } : {}),
      searchText: organizationSearchText(names),
      ...(archived === undefined
        ? {}
        : { archivedAt: archived ? (org.archivedAt ? new Date(org.archivedAt) : now) : null }),
    });
    if (!updated) throw new DomainError("not_found");
    const archiving = archived !== undefined && archived !== (org.archivedAt !== null);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: archiving
        ? archived
          ? "organization.archived"
          : "organization.restored"
        : "organization.updated",
      targetType: "organization",
      targetId: org.id,
      details: { fields: Object.keys(patch).sort().join(",") },
    });
    return updated;
  });
}
