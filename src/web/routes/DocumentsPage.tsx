import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { DocumentList } from "../features/documents/DocumentList.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's documents registry: search, filter, open one (its staff and the operator). */
export function DocumentsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  return (
    <div className="page">
      <PageHeading title={name ? t("documents.pageTitle", { name }) : t("documents.title")} />
      <InstitutionTabs slug={slug} />
      <div className="page-actions">
        <Link
          className="button button-primary"
          to={`/institutions/${encodeURIComponent(slug)}/documents/new`}
        >
          {t("issue.action")}
        </Link>
      </div>
      <DocumentList slug={slug} />
    </div>
  );
}
