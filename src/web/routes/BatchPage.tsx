import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { batchErrorsUrl, getBatch } from "../api/issuance.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { BatchFacts } from "../features/batches/BatchFacts.tsx";
import { BatchItems } from "../features/batches/BatchItems.tsx";
import { BatchProgress } from "../features/batches/BatchProgress.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** One batch: live progress (polled every second until done), its facts, the errors as CSV, and its rows. */
export function BatchPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const batch = useQuery({
    queryKey: queryKeys.batch(slug, id),
    queryFn: () => getBatch(slug, id),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "done" ? 1000 : false),
  });
  if (batch.error instanceof ApiError && batch.error.status === 404) return <NotFoundPage />;
  const b = batch.data;
  const base = `/institutions/${encodeURIComponent(slug)}`;
  return (
    <div className="page">
      <PageHeading title={b ? t("batches.batchTitle", { name: b.manifestName }) : t("batches.detailTitle")} />
      <InstitutionTabs slug={slug} />
      <p>
        <Link to={`${base}/batches`}>{t("batches.back")}</Link>
      </p>
      {batch.isPending && <Loading />}
      {batch.isError && !b && <QueryError error={batch.error} onRetry={() => void batch.refetch()} />}
      {b && (
        <>
          <section className="section batch-summary" aria-label={t("batches.progressLabel")}>
            <BatchProgress batch={b} />
            <div className="form-actions">
              {b.counts.failed + b.counts.skipped > 0 && (
                <a className="button button-secondary" href={batchErrorsUrl(slug, b.id)} download>
                  {t("batches.downloadErrors")}
                </a>
              )}
              {b.counts.issued > 0 && (
                <Link to={`${base}/documents?batchId=${encodeURIComponent(b.id)}`}>
                  {t("batches.documentsLink")}
                </Link>
              )}
            </div>
          </section>
          <BatchFacts batch={b} />
          <BatchItems slug={slug} batchId={b.id} running={b.status !== "done"} />
        </>
      )}
    </div>
  );
}
