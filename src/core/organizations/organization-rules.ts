import { foldText } from "../learners/learner-rules.ts";
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
