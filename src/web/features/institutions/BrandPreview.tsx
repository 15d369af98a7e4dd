import { useTranslation } from "react-i18next";
import { type BrandedInstitution, brandStyle, InstitutionBrand } from "./InstitutionBrand.tsx";

interface BrandPreviewProps {
  institution: BrandedInstitution;
  logoSrc?: string | null;
}

/** How the brand will look to learners, updated as the form is edited. */
export function BrandPreview({ institution, logoSrc }: BrandPreviewProps) {
  const { t } = useTranslation();
  return (
    <figure className="brand-preview" style={brandStyle(institution.primaryColor, institution.accentColor)}>
      <figcaption className="brand-preview-caption">{t("institutionForm.preview")}</figcaption>
      <div className="brand-preview-frame" aria-hidden="true">
        <InstitutionBrand institution={institution} logoSrc={logoSrc} />
        <div className="brand-preview-body">
          <p className="brand-preview-title">{t("institutionForm.previewDocument")}</p>
          <p className="brand-preview-text">{t("institutionForm.previewText")}</p>
          <span className="brand-preview-button">{t("institutionForm.previewButton")}</span>
        </div>
      </div>
    </figure>
  );
}
