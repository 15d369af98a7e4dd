import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditQuery, type AuditScope, auditCsvUrl, listAuditEvents } from "../../api/audit.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatNumber } from "../../lib/format.ts";
import { AuditFilters, type AuditFilterValues, NO_AUDIT_FILTER } from "./AuditFilters.tsx";
import { AuditTable } from "./AuditTable.tsx";

/** Calendar days in the reader's time zone become the instants the API filters on (the whole "to" day included). */
function toQuery(f: AuditFilterValues): AuditQuery {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.fromDay ? { from: new Date(`${f.fromDay}T00:00:00`).toISOString() } : {}),
    ...(f.toDay ? { to: new Date(`${f.toDay}T23:59:59.999`).toISOString() } : {}),
  };
}

/** The audit trail: filters, the table, "load older" paging and the CSV export of the same filter. */
export function AuditTrail({
  scope,
  institutionNames,
}: {
  scope: AuditScope;
  institutionNames?: Map<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const [filter, setFilter] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const query = toQuery(filter);
  const scopeKey = scope === "portal" ? "portal" : scope.institution;
  const pages = useInfiniteQuery({
    queryKey: queryKeys.audit(scopeKey, filter.action, filter.fromDay, filter.toDay),
    queryFn: ({ pageParam }) => listAuditEvents(scope, query, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const events = pages.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="audit-heading">
        <h2 id={headingId}>{t("audit.listTitle")}</h2>
        <a className="button button-secondary button-small" href={auditCsvUrl(scope, query)} download>
          {t("audit.export")}
        </a>
      </div>
      <AuditFilters value={filter} onApply={setFilter} />
      {pages.isPending && <Loading />}
      {pages.isError && <QueryError error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.data && (
        <>
          <p role="status" className="result-count">
            {t("audit.shown", { formatted: formatNumber(events.length, lang) })}
          </p>
          {events.length > 0 ? (
            <AuditTable events={events} institutionNames={institutionNames} />
          ) : (
            <p className="empty">{t("audit.none")}</p>
          )}
          {pages.hasNextPage ? (
            <div className="pagination">
              <button
                type="button"
                className="button button-secondary"
                disabled={pages.isFetchingNextPage}
                onClick={() => void pages.fetchNextPage()}
              >
                {pages.isFetchingNextPage ? t("common.loading") : t("audit.loadOlder")}
              </button>
            </div>
          ) : (
            events.length > 0 && <p className="muted audit-end">{t("audit.end")}</p>
          )}
        </>
      )}
    </section>
  );
}
