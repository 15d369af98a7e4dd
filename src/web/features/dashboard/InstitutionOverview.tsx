import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { getInstitutionDashboard } from "../../api/dashboard.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { FailedEmails } from "./FailedEmails.tsx";
import { FigureCards } from "./FigureCards.tsx";
import { IssuedChart } from "./IssuedChart.tsx";
import { RecentBatches } from "./RecentBatches.tsx";

/** The institution's dashboard: figures, the daily chart, recent batches and failed emails. */
export function InstitutionOverview({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const ids = { figures: useId(), chart: useId(), batches: useId(), failed: useId() };
  const dashboard = useQuery({
    queryKey: queryKeys.dashboard(slug),
    queryFn: () => getInstitutionDashboard(slug),
  });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <div className="dashboard">
      <section aria-labelledby={ids.figures}>
        <h2 id={ids.figures} className="visually-hidden">
          {t("dashboard.figuresTitle")}
        </h2>
        <FigureCards data={data} />
      </section>
      <section className="card section" aria-labelledby={ids.chart}>
        <h2 id={ids.chart}>{t("dashboard.chartTitle")}</h2>
        <IssuedChart days={data.issuedPerDay} />
        <p className="muted dashboard-note">{t("dashboard.chartNote")}</p>
      </section>
      <section className="section" aria-labelledby={ids.batches}>
        <h2 id={ids.batches}>{t("dashboard.batchesTitle")}</h2>
        <RecentBatches slug={slug} batches={data.recentBatches} />
      </section>
      <section className="section" aria-labelledby={ids.failed}>
        <h2 id={ids.failed}>{t("dashboard.failedTitle")}</h2>
        <FailedEmails slug={slug} failed={data.failedEmails} />
      </section>
    </div>
  );
}
