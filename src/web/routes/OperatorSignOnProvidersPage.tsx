import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityProvider, SocialProviderInput } from "../../core/sign-on/sign-on.types.ts";
import {
  checkSocialProvider,
  listSocialProviders,
  removeSocialProvider,
  saveSocialProvider,
  signOnKeys,
} from "../api/sign-on.ts";
import { ActionButton } from "../components/ActionButton.tsx";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { ConnectionReport } from "../features/sign-on/ConnectionReport.tsx";
import { SOCIAL_FIELDS, SocialProviderForm } from "../features/sign-on/SocialProviderForm.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** The operator's portal-wide sign-in providers (OpenID Connect), which users link to their account. */
export function OperatorSignOnProvidersPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const listId = useId();
  const formId = useId();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: signOnKeys.social, queryFn: listSocialProviders });
  const feedback = useFormFeedback(SOCIAL_FIELDS, { identity_provider_key_taken: "key" });
  const [editing, setEditing] = useState<IdentityProvider | null>(null);
  const [formKey, setFormKey] = useState(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: signOnKeys.social });
  const save = useMutation({
    mutationFn: (input: SocialProviderInput) => saveSocialProvider(input),
    onSuccess: () => {
      feedback.clear();
      setEditing(null);
      setFormKey((k) => k + 1);
      refresh();
    },
    onError: feedback.fail,
  });
  const remove = useMutation({ mutationFn: removeSocialProvider, onSettled: refresh });
  const check = useMutation({ mutationFn: checkSocialProvider });

  return (
    <div className="page">
      <PageHeading title={t("socialProviders.title")} />
      <p className="lead">{t("socialProviders.intro")}</p>
      {data.data && (
        <p>
          {t("signOnSettings.redirectUri")}{" "}
          <code className="break-anywhere">{data.data.oidcRedirectUri}</code>
        </p>
      )}
      <section className="section" aria-labelledby={listId}>
        <h2 id={listId}>{t("socialProviders.listTitle")}</h2>
        <FormAlert
          message={remove.error ? errorText(remove.error) : check.error ? errorText(check.error) : null}
        />
        <StatusMessage>
          {remove.isSuccess
            ? t("socialProviders.removed")
            : save.isSuccess
              ? t("socialProviders.saved")
              : null}
        </StatusMessage>
        {data.isPending && <Loading />}
        {data.isError && <QueryError error={data.error} onRetry={() => void data.refetch()} />}
        {data.data && data.data.providers.length === 0 && (
          <p className="empty">{t("socialProviders.none")}</p>
        )}
        {data.data && data.data.providers.length > 0 && (
          <ul className="linked-accounts">
            {data.data.providers.map((p) => (
              <li key={p.key} className="linked-account">
                <div>
                  <strong>{localizedName(p, lang)}</strong> <code>{p.key}</code>
                  <p className="muted break-anywhere">
                    {p.protocol === "oidc" ? p.settings.issuer : ""} ·{" "}
                    {p.enabled ? t("socialProviders.on") : t("socialProviders.off")}
                  </p>
                </div>
                <div className="form-actions">
                  <ActionButton
                    small
                    pending={false}
                    onClick={() => {
                      setEditing(p);
                      setFormKey((k) => k + 1);
                    }}
                  >
                    {t("socialProviders.edit", { name: localizedName(p, lang) })}
                  </ActionButton>
                  <ActionButton
                    small
                    pending={check.isPending && check.variables === p.key}
                    onClick={() => check.mutate(p.key)}
                  >
                    {t("signOnSettings.testConnection")}
                  </ActionButton>
                  <ActionButton
                    small
                    variant="danger"
                    pending={remove.isPending && remove.variables === p.key}
                    onClick={() => remove.mutate(p.key)}
                  >
                    {t("socialProviders.remove", { name: localizedName(p, lang) })}
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        )}
        {check.data && <ConnectionReport report={check.data} />}
      </section>
      <section className="card section" aria-labelledby={formId}>
        <h2 id={formId}>
          {editing
            ? t("socialProviders.editTitle", { name: localizedName(editing, lang) })
            : t("socialProviders.addTitle")}
        </h2>
        <SocialProviderForm
          key={formKey}
          provider={editing}
          pending={save.isPending}
          feedback={feedback}
          onSubmit={(input) => save.mutate(input)}
        />
      </section>
    </div>
  );
}
