import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  disableTotp,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate } from "../../lib/format.ts";
import { ConfirmedAction } from "./ConfirmedAction.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";
import { TotpEnrolmentForm } from "./TotpEnrolmentForm.tsx";

/** The profile's two-step verification: set up an authenticator app, recovery codes, turn it off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: queryKeys.twoFactor, queryFn: getTwoFactorStatus });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const start = useMutation({ mutationFn: startTotpEnrolment, onSuccess: () => setMessage(null) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor });

  const body = () => {
    if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
    if (status.isPending) return <Loading />;
    if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
    const s = status.data;
    if (!s.enabled && start.data)
      return (
        <TotpEnrolmentForm
          enrolment={start.data}
          onEnabled={(fresh) => {
            start.reset();
            setCodes(fresh);
            setMessage(t("twoFactor.enabled"));
            void refresh();
          }}
          onCancel={() => start.reset()}
        />
      );
    if (!s.enabled)
      return (
        <>
          <p>{t("twoFactor.offIntro")}</p>
          <FormAlert message={start.error ? errorText(start.error) : null} />
          <button
            type="button"
            className="button button-primary"
            aria-busy={start.isPending || undefined}
            onClick={() => start.mutate()}
          >
            {t("twoFactor.turnOn")}
          </button>
        </>
      );
    const since = s.enabledAt ? formatDate(s.enabledAt, lang) : "";
    return (
      <>
        <p>{t("twoFactor.onIntro", { date: since, count: s.recoveryCodesLeft })}</p>
        <ConfirmedAction
          title={t("twoFactor.regenerate.title")}
          submitLabel={t("twoFactor.regenerate.submit")}
          variant="secondary"
          action={regenerateRecoveryCodes}
          onDone={(result) => {
            setCodes(result.codes);
            setMessage(null);
            void refresh();
          }}
        />
        <ConfirmedAction
          title={t("twoFactor.disable.title")}
          submitLabel={t("twoFactor.disable.submit")}
          variant="danger"
          action={disableTotp}
          onDone={() => {
            setMessage(t("twoFactor.disabled"));
            void refresh();
          }}
        />
      </>
    );
  };

  return (
    <section className="card section" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("twoFactor.title")}</h2>
      <StatusMessage>{message}</StatusMessage>
      {body()}
    </section>
  );
}
