import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ApiKeyInput } from "../../core/api-keys/api-keys.types.ts";
import { type ApiKeyOut, apiKeysQueryKey, createApiKey, listApiKeys, revokeApiKey } from "../api/api-keys.ts";
import { ApiError } from "../api/http.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { ApiKeysTable } from "../features/api-keys/ApiKeysTable.tsx";
import { API_KEY_FIELDS, CreateApiKeyForm } from "../features/api-keys/CreateApiKeyForm.tsx";
import { NewApiKeyNotice } from "../features/api-keys/NewApiKeyNotice.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's API keys (its administrators and the operator): list, create (the key shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const headingId = useId();
  const { slug = "" } = useParams();
  const queryClient = useQueryClient();
  const institution = useInstitution(slug);
  const keys = useQuery({ queryKey: apiKeysQueryKey(slug), queryFn: () => listApiKeys(slug) });
  const feedback = useFormFeedback(API_KEY_FIELDS);
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(slug) });
  const create = useMutation({
    mutationFn: (input: ApiKeyInput) => createApiKey(slug, input),
    onSuccess: (answer) => {
      feedback.clear();
      setCreated({ name: answer.apiKey.name, key: answer.key });
      setFormKey((k) => k + 1);
      refresh();
    },
    onError: feedback.fail,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKeyOut) => revokeApiKey(slug, key.id),
    onSuccess: refresh,
  });

  if (
    (institution.error instanceof ApiError && institution.error.status === 404) ||
    (keys.error instanceof ApiError && keys.error.status === 404)
  )
    return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";

  return (
    <div className="page">
      <PageHeading title={name ? t("apiKeys.pageTitle", { name }) : t("apiKeys.title")} />
      <InstitutionTabs slug={slug} />
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("apiKeys.listTitle")}</h2>
        <p className="muted">{t("apiKeys.intro")}</p>
        <FormAlert message={revoke.error ? errorText(revoke.error) : null} />
        <StatusMessage>
          {revoke.isSuccess ? t("apiKeys.revokedDone", { name: revoke.data.name }) : null}
        </StatusMessage>
        {keys.isPending && <Loading />}
        {keys.isError && <QueryError error={keys.error} onRetry={() => void keys.refetch()} />}
        {keys.data && keys.data.length === 0 && <p className="empty">{t("apiKeys.none")}</p>}
        {keys.data && keys.data.length > 0 && (
          <ApiKeysTable
            apiKeys={keys.data}
            pendingId={revoke.isPending ? (revoke.variables?.id ?? null) : null}
            onRevoke={(key) => {
              revoke.reset();
              revoke.mutate(key);
            }}
          />
        )}
      </section>
      {created && (
        <NewApiKeyNotice name={created.name} apiKey={created.key} onDone={() => setCreated(null)} />
      )}
      <CreateApiKeyForm
        key={formKey}
        pending={create.isPending}
        feedback={feedback}
        onSubmit={(input) => {
          revoke.reset();
          setCreated(null);
          create.mutate(input);
        }}
      />
    </div>
  );
}
