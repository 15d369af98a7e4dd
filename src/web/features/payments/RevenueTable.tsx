import { useTranslation } from "react-i18next";
import type { RevenueLine } from "../../../core/payments/payments.types.ts";
import { formatMoney } from "../../api/payments.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";

/** Per currency: the sums of the lines (counts and amounts paid and refunded). */
function totalsByCurrency(lines: RevenueLine[]) {
  const totals = new Map<string, Omit<RevenueLine, "documentType" | "purpose">>();
  for (const l of lines) {
    const t = totals.get(l.currency) ?? {
      currency: l.currency,
      paidCount: 0,
      paidCents: 0,
      refundedCount: 0,
      refundedCents: 0,
    };
    t.paidCount += l.paidCount;
    t.paidCents += l.paidCents;
    t.refundedCount += l.refundedCount;
    t.refundedCents += l.refundedCents;
    totals.set(l.currency, t);
  }
  return [...totals.values()];
}

/** The revenue report: one row per document type and purpose, then a total per currency (net = paid − refunded). */
export function RevenueTable({ lines }: { lines: RevenueLine[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const money = (cents: number, currency: string) => formatMoney(cents, currency, lang);
  return (
    <DataTable
      caption={t("revenue.tableTitle")}
      columns={[
        t("revenue.documentType"),
        t("revenue.purpose"),
        t("revenue.paidCount"),
        t("revenue.paid"),
        t("revenue.refundedCount"),
        t("revenue.refunded"),
        t("revenue.net"),
      ]}
    >
      {lines.map((l) => (
        <tr key={`${l.documentType.id ?? ""}-${l.purpose}-${l.currency}`}>
          <td>{localizedName(l.documentType, lang)}</td>
          <td>{t(`payments.purpose.${l.purpose}`)}</td>
          <td className="numeric">{l.paidCount}</td>
          <td className="numeric">{money(l.paidCents, l.currency)}</td>
          <td className="numeric">{l.refundedCount}</td>
          <td className="numeric">{money(l.refundedCents, l.currency)}</td>
          <td className="numeric">{money(l.paidCents - l.refundedCents, l.currency)}</td>
        </tr>
      ))}
      {totalsByCurrency(lines).map((s) => (
        <tr key={`total-${s.currency}`} className="table-total">
          <th scope="row" colSpan={2}>
            {t("revenue.total", { currency: s.currency })}
          </th>
          <td className="numeric">{s.paidCount}</td>
          <td className="numeric">{money(s.paidCents, s.currency)}</td>
          <td className="numeric">{s.refundedCount}</td>
          <td className="numeric">{money(s.refundedCents, s.currency)}</td>
          <td className="numeric">{money(s.paidCents - s.refundedCents, s.currency)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
