import type { InstitutionInput } from "../../../core/institutions/institutions.types.ts";
import type { ClientErrors } from "../../hooks/useFormFeedback.ts";
import { HEX_COLOR } from "../../lib/color.ts";
import { isDomain, SLUG_PATTERN } from "../../lib/validation.ts";

export const INSTITUTION_FIELDS = [
  "slug",
  "nameFr",
  "nameEn",
  "emailDomain",
  "primaryColor",
  "accentColor",
] as const;
export type InstitutionField = (typeof INSTITUTION_FIELDS)[number];

/** Client-side checks of the institution form; the API checks again. */
export function institutionErrors(
  values: InstitutionInput,
  domain: string,
  creating: boolean,
): ClientErrors<InstitutionField> {
  const errors: ClientErrors<InstitutionField> = {};
  if (creating) {
    if (!values.slug) errors.slug = "required";
    else if (!SLUG_PATTERN.test(values.slug)) errors.slug = "slug";
  }
  if (!values.nameFr.trim()) errors.nameFr = "required";
  if (!values.nameEn.trim()) errors.nameEn = "required";
  if (domain.trim() && !isDomain(domain)) errors.emailDomain = "domain";
  if (!HEX_COLOR.test(values.primaryColor)) errors.primaryColor = "color";
  if (!HEX_COLOR.test(values.accentColor)) errors.accentColor = "color";
  return errors;
}
