import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { InstitutionForm } from "../features/institutions/InstitutionForm.tsx";
import { LogoSection } from "../features/institutions/LogoSection.tsx";
import { SigningSection } from "../features/institutions/SigningSection.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { StaffSection } from "../features/staff/StaffSection.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** The operator's page of one institution: details, brand, logo, signing settings and staff. */
export function EditInstitutionPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const location = useLocation();
  const institution = useInstitution(slug);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const title = institution.data ? localizedName(institution.data, lang) : t("institutions.loadingTitle");

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/operator/institutions">{t("institutions.backToList")}</Link>
      </p>
      <PageHeading title={title} />
      <StatusMessage>{created ? t("institutions.created") : null}</StatusMessage>
      {institution.isPending && <Loading />}
      {institution.isError && (
        <QueryError error={institution.error} onRetry={() => void institution.refetch()} />
      )}
      {institution.data && (
        <>
          <div className="card">
            <InstitutionForm
              key={institution.data.id}
              institution={institution.data}
              onSaved={() => undefined}
            />
          </div>
          <LogoSection institution={institution.data} />
          <SigningSection key={`signing-${institution.data.id}`} institution={institution.data} />
          <StaffSection slug={slug} operatorView />
        </>
      )}
    </div>
  );
}
