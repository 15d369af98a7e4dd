import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { listBatches } from "../../api/issuance.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { BatchesTable } from "./BatchesTable.tsx";

/** The institution's latest batches; refreshed every few seconds while one of them is still running. */
export function RecentBatches({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const batches = useQuery({
    queryKey: queryKeys.batches(slug),
    queryFn: () => listBatches(slug),
    refetchInterval: (query) => (query.state.data?.some((b) => b.status !== "done") ? 5000 : false),
  });
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("batches.recentTitle")}</h2>
      {batches.isPending && <Loading />}
      {batches.isError && <QueryError error={batches.error} onRetry={() => void batches.refetch()} />}
      {batches.data &&
        (batches.data.length > 0 ? (
          <BatchesTable slug={slug} batches={batches.data} />
        ) : (
          <p className="muted">{t("batches.none")}</p>
        ))}
    </section>
  );
}
