import type { CSSProperties } from "react";
import type { Institution } from "../../../core/institutions/institutions.types.ts";
import { institutionLogoUrl } from "../../api/institutions.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { HEX_COLOR, readableTextOn } from "../../lib/color.ts";
import { localizedName } from "../../lib/format.ts";

export type BrandedInstitution = Pick<
  Institution,
  "slug" | "nameFr" | "nameEn" | "primaryColor" | "accentColor" | "hasLogo"
> & { updatedAt?: string };

interface InstitutionBrandProps {
  institution: BrandedInstitution;
  /** A logo to show instead of the stored one (a data: URL of a file being chosen). */
  logoSrc?: string | null;
  size?: "normal" | "large";
}

/** The institution's colours as CSS custom properties, for the `.brand-*` classes. */
export function brandStyle(primary: string, accent: string): CSSProperties {
  const safePrimary = HEX_COLOR.test(primary) ? primary : "#1b2b4b";
  const safeAccent = HEX_COLOR.test(accent) ? accent : "#b3872f";
  return {
    "--brand-primary": safePrimary,
    "--brand-on-primary": readableTextOn(safePrimary),
    "--brand-accent": safeAccent,
  } as CSSProperties;
}

/** A band in the institution's colours with its logo and name, as learners and staff will see it. */
export function InstitutionBrand({ institution, logoSrc, size = "normal" }: InstitutionBrandProps) {
  const lang = useLocale();
  const name = localizedName(institution, lang);
  const src =
    logoSrc !== undefined
      ? logoSrc
      : institution.hasLogo
        ? institutionLogoUrl(institution.slug, institution.updatedAt)
        : null;
  return (
    <div
      className={`institution-brand institution-brand-${size}`}
      style={brandStyle(institution.primaryColor, institution.accentColor)}
    >
      {src && <img className="institution-brand-logo" src={src} alt="" />}
      <span className="institution-brand-name">{name}</span>
    </div>
  );
}
