import { useTranslation } from "react-i18next";
import { PageHeading } from "../components/PageHeading.tsx";
import { LegalText } from "../features/claims/LegalText.tsx";

/** The terms of use, short and plain. */
export function TermsPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <PageHeading title={t("legal.termsTitle")} />
      <LegalText section="terms" />
    </div>
  );
}
