import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageHeading } from "../components/PageHeading.tsx";
import { InstitutionForm } from "../features/institutions/InstitutionForm.tsx";

export function NewInstitutionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/operator/institutions">{t("institutions.backToList")}</Link>
      </p>
      <PageHeading title={t("institutions.newTitle")} />
      <p className="lead">{t("institutions.newIntro")}</p>
      <div className="card">
        <InstitutionForm
          onSaved={(created) =>
            navigate(`/operator/institutions/${encodeURIComponent(created.slug)}`, {
              state: { created: true },
            })
          }
        />
      </div>
    </div>
  );
}
