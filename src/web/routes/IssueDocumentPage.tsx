import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { IssueDocumentForm } from "../features/issuance/IssueDocumentForm.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** What the document page shows after arriving from this form. */
export interface IssuedState {
  issued: "created" | "existing";
}

/** "Issue a document": the one-document form; on success, the new document's page with a confirmation. */
export function IssueDocumentPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  const documents = `/institutions/${encodeURIComponent(slug)}/documents`;
  return (
    <div className="page">
      <PageHeading title={name ? t("issue.pageTitle", { name }) : t("issue.title")} />
      <InstitutionTabs slug={slug} />
      <p>
        <Link to={documents}>{t("issue.back")}</Link>
      </p>
      <p className="lead">{t("issue.intro")}</p>
      <IssueDocumentForm
        slug={slug}
        onIssued={(document, created) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.documents(slug) });
          const state: IssuedState = { issued: created ? "created" : "existing" };
          navigate(`${documents}/${encodeURIComponent(document.id)}`, { state });
        }}
      />
    </div>
  );
}
