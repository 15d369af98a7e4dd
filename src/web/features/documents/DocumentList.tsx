import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { DocumentFilter, DocumentStatus } from "../../../core/documents/documents.types.ts";
import { listDocuments } from "../../api/documents.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { DocumentFilters } from "./DocumentFilters.tsx";
import { DocumentsTable } from "./DocumentsTable.tsx";

const KEYS = ["q", "status", "documentTypeId", "learnerId", "batchId"] as const;

/** The registry list: filters kept in the address (so a learner or batch page can link here), keyset pages. */
export function DocumentList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  // The cursors of the pages before the current one, to go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const [cursor, setCursor] = useState("");
  const filter: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const page = useQuery({
    queryKey: queryKeys.documentPage(slug, filter, cursor),
    queryFn: () => listDocuments(slug, filter as DocumentFilter, cursor || undefined),
    placeholderData: keepPreviousData,
  });
  const apply = (next: DocumentFilter) => {
    const out = new URLSearchParams();
    for (const key of KEYS) if (next[key]) out.set(key, next[key] as string);
    setParams(out);
    setCursors([]);
    setCursor("");
  };
  const data = page.data;
  const filtered = Object.keys(filter).length > 0;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("documents.listTitle")}</h2>
      <DocumentFilters
        key={params.toString()}
        slug={slug}
        filter={{ ...filter, status: filter.status as DocumentStatus | undefined }}
        onApply={apply}
      />
      {(filter.learnerId || filter.batchId) && (
        <p>
          {t(filter.learnerId ? "documents.filteredByLearner" : "documents.filteredByBatch")}{" "}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => apply({ ...filter, learnerId: undefined, batchId: undefined })}
          >
            {t("documents.clearFilter")}
          </button>
        </p>
      )}
      {page.isPending && <Loading />}
      {page.isError && <QueryError error={page.error} onRetry={() => void page.refetch()} />}
      {data && (
        <>
          <p role="status" className="visually-hidden">
            {t("documents.shown", { count: data.documents.length })}
          </p>
          {data.documents.length > 0 ? (
            <DocumentsTable slug={slug} documents={data.documents} />
          ) : (
            <p className="muted">{filtered ? t("documents.noMatch") : t("documents.none")}</p>
          )}
          {(cursors.length > 0 || data.nextCursor) && (
            <nav className="pagination" aria-label={t("pagination.label")}>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={cursors.length === 0}
                onClick={() => {
                  setCursor(cursors[cursors.length - 1] ?? "");
                  setCursors(cursors.slice(0, -1));
                }}
              >
                {t("pagination.previous")}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!data.nextCursor}
                onClick={() => {
                  if (!data.nextCursor) return;
                  setCursors([...cursors, cursor]);
                  setCursor(data.nextCursor);
                }}
              >
                {t("pagination.next")}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
