import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InstitutionDashboard } from "../../../core/dashboard/dashboard.types.ts";
import { resendFailedEmail } from "../../api/dashboard.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";

/** The latest emails that failed for good: to whom, why, when, and a button to send each again. */
export function FailedEmails({
  slug,
  failed,
}: {
  slug: string;
  failed: InstitutionDashboard["failedEmails"];
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [done, setDone] = useState(false);
  const resend = useMutation({
    mutationFn: (id: string) => resendFailedEmail(slug, id),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(slug) });
    },
  });
  return (
    <>
      <StatusMessage>{done && !resend.isError ? t("dashboard.failedResent") : undefined}</StatusMessage>
      {resend.isError && <FormAlert message={errorText(resend.error)} />}
      {failed.total === 0 ? (
        <p className="empty">{t("dashboard.failedNone")}</p>
      ) : (
        <>
          {failed.total > failed.latest.length && (
            <p className="muted">
              {t("dashboard.failedMore", {
                shown: formatNumber(failed.latest.length, lang),
                total: formatNumber(failed.total, lang),
              })}
            </p>
          )}
          <DataTable
            caption={t("dashboard.failedCaption")}
            columns={[
              t("dashboard.failedTo"),
              t("dashboard.failedError"),
              t("dashboard.failedAt"),
              t("dashboard.failedActions"),
            ]}
          >
            {failed.latest.map((f) => (
              <tr key={f.id}>
                <td className="cell-break">{f.to ?? t("dashboard.unknownRecipient")}</td>
                <td className="cell-break failed-error">{f.error ?? "—"}</td>
                <td>
                  {f.failedAt ? <time dateTime={f.failedAt}>{formatDateTime(f.failedAt, lang)}</time> : "—"}
                </td>
                <td>
                  <RowActionButton
                    subject={f.to ?? ""}
                    pending={resend.isPending && resend.variables === f.id}
                    onClick={() => resend.mutate(f.id)}
                  >
                    {t("dashboard.failedResend")}
                  </RowActionButton>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
