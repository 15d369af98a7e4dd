import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageHeading } from "../components/PageHeading.tsx";
import { OrganizationForm } from "../features/organizations/OrganizationForm.tsx";

export function NewOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/operator/organizations">{t("organizations.backToList")}</Link>
      </p>
      <PageHeading title={t("organizations.newTitle")} />
      <div className="card">
        <OrganizationForm
          onSaved={(o) => navigate(`/operator/organizations/${encodeURIComponent(o.slug)}`)}
        />
      </div>
    </div>
  );
}
