import { useTranslation } from "react-i18next";
import { PageHeading } from "../components/PageHeading.tsx";
import { LegalText } from "../features/claims/LegalText.tsx";

/** The privacy notice, short and plain. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <PageHeading title={t("legal.privacyTitle")} />
      <LegalText section="privacy" />
    </div>
  );
}
