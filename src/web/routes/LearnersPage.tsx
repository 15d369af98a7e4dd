import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { CreateLearnerForm } from "../features/learners/CreateLearnerForm.tsx";
import { LearnerImport } from "../features/learners/LearnerImport.tsx";
import { LearnerSearch } from "../features/learners/LearnerSearch.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's learner records: search, add, import by CSV (its staff and the operator). */
export function LearnersPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  return (
    <div className="page">
      <PageHeading title={name ? t("learners.pageTitle", { name }) : t("learners.title")} />
      <InstitutionTabs slug={slug} />
      <LearnerSearch slug={slug} />
      <CreateLearnerForm slug={slug} />
      <LearnerImport slug={slug} />
    </div>
  );
}
