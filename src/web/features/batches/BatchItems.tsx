import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BatchItem, BatchItemStatus } from "../../../core/issuance/issuance.types.ts";
import { listBatchItems } from "../../api/issuance.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { itemErrorKey } from "./itemErrorKey.ts";

const PAGE = 100;
const STATUSES: BatchItemStatus[] = ["pending", "issued", "skipped", "failed"];

/** A batch's rows in manifest order, filtered by outcome, a page at a time ("show more"). */
export function BatchItems({ slug, batchId, running }: { slug: string; batchId: string; running: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<BatchItemStatus | "">("");
  const items = useInfiniteQuery({
    queryKey: queryKeys.batchItems(slug, batchId, status),
    queryFn: ({ pageParam }) =>
      listBatchItems(slug, batchId, { status: status || undefined, afterRow: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last: BatchItem[]) =>
      last.length === PAGE ? last[last.length - 1]?.rowNumber : undefined,
    refetchInterval: running ? 2000 : false,
  });
  // When the batch finishes while shown, read the rows' final outcome.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running)
      void queryClient.invalidateQueries({ queryKey: queryKeys.batchItems(slug, batchId, "").slice(0, 5) });
    wasRunning.current = running;
  }, [running, queryClient, slug, batchId]);
  const rows = items.data?.pages.flat() ?? [];
  const outcome = (item: BatchItem) => {
    const word = t(`batches.itemStatuses.${item.status}`);
    if (!item.errorCode) return word;
    const key = itemErrorKey(item.errorCode);
    return `${word} (${t(`batches.itemErrors.${key}`, { code: item.errorCode })})`;
  };
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("batches.rowsTitle")}</h2>
      <div className="batch-filter">
        <SelectField
          label={t("batches.filter")}
          value={status}
          onChange={(event) => setStatus(event.target.value as BatchItemStatus | "")}
        >
          <option value="">{t("batches.filterAll")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`batches.itemStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {items.isPending && <Loading />}
      {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
      {items.isSuccess &&
        (rows.length === 0 ? (
          <p className="muted">{t("batches.noRows")}</p>
        ) : (
          <DataTable
            caption={t("batches.rowsCaption")}
            columns={[
              t("batches.line"),
              t("batches.externalId"),
              t("batches.docTitle"),
              t("batches.fileName"),
              t("batches.outcome"),
            ]}
          >
            {rows.map((item) => (
              <tr key={item.id} className={item.status === "failed" ? "row-error" : undefined}>
                <td className="cell-count">{item.rowNumber}</td>
                <td className="cell-break">{item.externalId}</td>
                <td>
                  {item.documentId ? (
                    <Link
                      to={`/institutions/${encodeURIComponent(slug)}/documents/${encodeURIComponent(item.documentId)}`}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </td>
                <td className="cell-break">{item.fileName}</td>
                <td>{outcome(item)}</td>
              </tr>
            ))}
          </DataTable>
        ))}
      {items.hasNextPage && (
        <p>
          <ActionButton pending={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
            {t("batches.loadMore")}
          </ActionButton>
        </p>
      )}
    </section>
  );
}
