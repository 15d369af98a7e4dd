import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { InstitutionSummary } from "../features/institutions/InstitutionSummary.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { SigningSection } from "../features/institutions/SigningSection.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { StaffSection } from "../features/staff/StaffSection.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { isInstitutionAdmin, isOperator } from "../lib/roles.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's own page for its staff; administrators (and the operator) also manage the staff and the signing settings. */
export function InstitutionPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const { user } = useCurrentUser();
  const institution = useInstitution(slug);

  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const title = institution.data ? localizedName(institution.data, lang) : t("institutions.loadingTitle");
  // The operator, and the institution's administrators, manage its staff and signing settings.
  const manages = user !== null && (isOperator(user) || isInstitutionAdmin(user, slug));

  return (
    <div className="page">
      <PageHeading title={title} />
      <InstitutionTabs slug={slug} />
      {institution.isPending && <Loading />}
      {institution.isError && (
        <QueryError error={institution.error} onRetry={() => void institution.refetch()} />
      )}
      {institution.data && <InstitutionSummary institution={institution.data} />}
      {institution.data && manages && (
        <SigningSection key={`signing-${institution.data.id}`} institution={institution.data} />
      )}
      {institution.data && manages && <StaffSection slug={slug} />}
    </div>
  );
}
