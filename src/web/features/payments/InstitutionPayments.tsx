import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney, listInstitutionPayments } from "../../api/payments.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { RefundDialog } from "./RefundDialog.tsx";

/** The payments an institution received, newest first, 50 a page, each paid one with a Refund button. */
export function InstitutionPayments({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ["institutions", slug, "payments", page],
    queryFn: () => listInstitutionPayments(slug, page),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["institutions", slug] });
  return (
    <section aria-labelledby="institution-payments" className="section">
      <h2 id="institution-payments">{t("revenue.paymentsTitle")}</h2>
      {list.isPending && <Loading />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.payments.length === 0 && <p>{t("revenue.noPayments")}</p>}
      {list.data && list.data.payments.length > 0 && (
        <DataTable
          caption={t("revenue.paymentsTitle")}
          actions
          columns={[
            t("payments.history.date"),
            t("payments.history.document"),
            t("payments.history.purpose"),
            t("payments.history.amount"),
            t("payments.history.status"),
            t("payments.history.receipt"),
          ]}
        >
          {list.data.payments.map((p) => (
            <tr key={p.id}>
              <td className="payment-when">{formatDateTime(p.paidAt ?? p.createdAt, lang)}</td>
              <td>{p.document.title}</td>
              <td>{t(`payments.purpose.${p.purpose}`)}</td>
              <td className="numeric">{formatMoney(p.amountCents, p.currency, lang)}</td>
              <td>{t(`payments.status.${p.status}`)}</td>
              <td>{p.receiptNumber ? <code>{p.receiptNumber}</code> : "—"}</td>
              <td>{p.status === "paid" && <RefundDialog slug={slug} payment={p} onRefunded={refresh} />}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {list.data && (page > 1 || list.data.hasMore) && (
        <nav className="pagination" aria-label={t("pagination.label")}>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {t("pagination.previous")}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!list.data.hasMore}
            onClick={() => setPage(page + 1)}
          >
            {t("pagination.next")}
          </button>
        </nav>
      )}
    </section>
  );
}
