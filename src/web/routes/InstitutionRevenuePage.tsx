import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { getRevenueReport, revenueCsvUrl } from "../api/payments.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { TextField } from "../components/TextField.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { InstitutionPayments } from "../features/payments/InstitutionPayments.tsx";
import { RevenueTable } from "../features/payments/RevenueTable.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDay, localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's revenue from fees (its administrators and the operator): a period, totals by document type and purpose, the CSV export; then the payments, each paid one refundable. */
export function InstitutionRevenuePage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const institution = useInstitution(slug);
  const [draft, setDraft] = useState({ from: "", to: "" });
  const [applied, setApplied] = useState({ from: "", to: "" });
  const report = useQuery({
    queryKey: ["institutions", slug, "revenue", applied.from, applied.to],
    queryFn: () => getRevenueReport(slug, applied.from, applied.to),
  });
  const badRange = draft.from !== "" && draft.to !== "" && draft.to < draft.from;
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  if (report.error instanceof ApiError && report.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange) setApplied(draft);
  };

  return (
    <div className="page">
      <PageHeading title={name ? t("revenue.pageTitle", { name }) : t("revenue.title")} />
      <InstitutionTabs slug={slug} />
      <p className="muted">{t("revenue.intro")}</p>
      <search aria-label={t("revenue.periodLabel")}>
        <form className="audit-filters" onSubmit={onSubmit} noValidate>
          <TextField
            label={t("revenue.from")}
            type="date"
            name="from"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            label={t("revenue.to")}
            type="date"
            name="to"
            value={draft.to}
            min={draft.from || undefined}
            error={badRange ? t("audit.badRange") : undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <div className="audit-filter-actions">
            <button type="submit" className="button button-secondary">
              {t("revenue.apply")}
            </button>
          </div>
        </form>
      </search>
      {report.isPending && <Loading />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <section aria-labelledby="revenue-period">
          <h2 id="revenue-period">
            {t("revenue.period", {
              from: formatDay(report.data.from, lang, true),
              to: formatDay(report.data.to, lang, true),
            })}
          </h2>
          {report.data.lines.length === 0 ? (
            <p>{t("revenue.empty")}</p>
          ) : (
            <RevenueTable lines={report.data.lines} />
          )}
          <p className="revenue-export">
            <a
              className="button button-secondary"
              href={revenueCsvUrl(slug, report.data.from, report.data.to)}
              download
            >
              {t("revenue.csv")}
            </a>
          </p>
        </section>
      )}
      <InstitutionPayments slug={slug} />
    </div>
  );
}
