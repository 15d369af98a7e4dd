import type { Actor } from "../accounts/actor.ts";
import { isOperator } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import { foldText } from "../learners/learner-rules.ts";
import type { Stores } from "../ports.ts";
import type { DirectoryEntry, Organization, OrganizationInput } from "./organizations.types.ts";

/** The text the directory search matches substrings against: both names and the slug, folded. */
export const organizationSearchText = (o: Pick<OrganizationInput, "nameFr" | "nameEn" | "slug">): string =>
  foldText([o.nameFr, o.nameEn, o.slug].join(" "));

export const organizationLogoPath = (slug: string): string => `/api/v1/organizations/${slug}/logo`;

export const toDirectoryEntry = (o: Organization): DirectoryEntry => ({
  id: o.id,
  slug: o.slug,
  nameFr: o.nameFr,
  nameEn: o.nameEn,
  kind: o.kind,
  country: o.country,
  logoUrl: o.hasLogo ? organizationLogoPath(o.slug) : null,
});

export const isOrganizationStaff = (actor: Actor, organizationId: string): boolean =>
  !actor.apiKey && actor.memberships.some((m) => m.organizationId === organizationId);

export const isOrganizationAdmin = (actor: Actor, organizationId: string): boolean =>
  !actor.apiKey &&
  actor.memberships.some((m) => m.organizationId === organizationId && m.role === "organization_admin");

/**
 * The organization when the actor may act on it: "staff" (its admins and reviewers — the inbox),
 * "admin" (the operator or its admins — staff management), "operator" (the directory). Otherwise
 * not_found, whether it exists or not. Archived organizations are the operator's only.
 */
export async function findVisibleOrganization(
  stores: Stores,
  actor: Actor,
  slug: string,
  need: "staff" | "admin" | "operator",
): Promise<Organization> {
  const org = await stores.organizations.findBySlug(slug);
  const operator = !actor.apiKey && isOperator(actor);
  const allowed =
    org &&
    (need === "operator"
      ? operator
      : need === "admin"
        ? operator || (isOrganizationAdmin(actor, org.id) && !org.archivedAt)
        : isOrganizationStaff(actor, org.id) && !org.archivedAt);
  if (!org || !allowed) throw new DomainError("not_found");
  return org;
}
