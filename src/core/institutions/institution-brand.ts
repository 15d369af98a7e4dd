import type { EmailBrand } from "../mail/render-email.ts";
import type { Institution } from "./institutions.types.ts";

/** How emails sent on an institution's behalf look. */
export const institutionBrand = (inst: Institution, publicUrl: string): EmailBrand => ({
  name: { fr: inst.nameFr, en: inst.nameEn },
  primaryColor: inst.primaryColor,
  accentColor: inst.accentColor,
  logoUrl: inst.hasLogo ? `${publicUrl}/api/v1/institutions/${inst.slug}/logo` : null,
});
