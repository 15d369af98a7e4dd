import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMoney, listPayments } from "../api/payments.ts";
import { queryKeys } from "../api/query-keys.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDateTime, localizedName } from "../lib/format.ts";

/** The learner's payments and receipts: date, document, amount, status and receipt number. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const payments = useQuery({ queryKey: queryKeys.payments, queryFn: listPayments });
  return (
    <div className="page">
      <PageHeading title={t("payments.history.title")} />
      <p className="lead">{t("payments.history.intro")}</p>
      <p>
        <Link to="/wallet">{t("payments.history.back")}</Link>
      </p>
      {payments.isPending && <Loading />}
      {payments.isError && <QueryError error={payments.error} onRetry={() => void payments.refetch()} />}
      {payments.data?.length === 0 && <p>{t("payments.history.none")}</p>}
      {payments.data && payments.data.length > 0 && (
        <DataTable
          caption={t("payments.history.title")}
          columns={[
            t("payments.history.date"),
            t("payments.history.document"),
            t("payments.history.purpose"),
            t("payments.history.amount"),
            t("payments.history.status"),
            t("payments.history.receipt"),
          ]}
        >
          {payments.data.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.paidAt ?? p.createdAt, lang)}</td>
              <td>
                {p.document.title}
                <br />
                <span className="hint">{localizedName(p.institution, lang)}</span>
              </td>
              <td>{t(`payments.purpose.${p.purpose}`)}</td>
              <td className="numeric">{formatMoney(p.amountCents, p.currency, lang)}</td>
              <td>{t(`payments.status.${p.status}`)}</td>
              <td>{p.receiptNumber ? <code>{p.receiptNumber}</code> : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
