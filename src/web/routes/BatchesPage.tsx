import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { BatchUploadForm } from "../features/batches/BatchUploadForm.tsx";
import { RecentBatches } from "../features/batches/RecentBatches.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Bulk issuing: upload a manifest and its PDFs (check, then issue), and the recent batches. */
export function BatchesPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  return (
    <div className="page">
      <PageHeading title={name ? t("batches.pageTitle", { name }) : t("batches.title")} />
      <InstitutionTabs slug={slug} />
      <BatchUploadForm
        slug={slug}
        onStarted={(batch) => {
          queryClient.setQueryData(queryKeys.batch(slug, batch.id), batch);
          void queryClient.invalidateQueries({ queryKey: queryKeys.batches(slug), exact: true });
          navigate(`/institutions/${encodeURIComponent(slug)}/batches/${encodeURIComponent(batch.id)}`);
        }}
      />
      <RecentBatches slug={slug} />
    </div>
  );
}
