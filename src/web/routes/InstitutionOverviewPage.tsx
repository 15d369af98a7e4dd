import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { InstitutionOverview } from "../features/dashboard/InstitutionOverview.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** The institution's first page for its staff and the operator: its dashboard. */
export function InstitutionOverviewPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  return (
    <div className="page">
      <PageHeading title={name ? t("dashboard.pageTitle", { name }) : t("dashboard.title")} />
      <InstitutionTabs slug={slug} />
      <InstitutionOverview slug={slug} />
    </div>
  );
}
