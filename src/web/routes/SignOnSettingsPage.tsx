import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { InstitutionSignOnInput } from "../../core/sign-on/sign-on.types.ts";
import { ApiError } from "../api/http.ts";
import {
  checkInstitutionSignOn,
  getInstitutionSignOn,
  saveInstitutionSignOn,
  signOnKeys,
  startSignOnTest,
} from "../api/sign-on.ts";
import { ActionButton } from "../components/ActionButton.tsx";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { ConnectionReport } from "../features/sign-on/ConnectionReport.tsx";
import { SIGN_ON_FIELDS, SignOnForm } from "../features/sign-on/SignOnForm.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's single sign-on (its administrators): OIDC or SAML settings, test connection, test sign-in. */
export function SignOnSettingsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const headingId = useId();
  const testId = useId();
  const { slug = "" } = useParams();
  const queryClient = useQueryClient();
  const institution = useInstitution(slug);
  const data = useQuery({
    queryKey: signOnKeys.institution(slug),
    queryFn: () => getInstitutionSignOn(slug),
  });
  const feedback = useFormFeedback(SIGN_ON_FIELDS);
  const [formKey, setFormKey] = useState(0);
  const save = useMutation({
    mutationFn: (input: InstitutionSignOnInput) => saveInstitutionSignOn(slug, input),
    onSuccess: (saved) => {
      feedback.clear();
      check.reset();
      queryClient.setQueryData(signOnKeys.institution(slug), (old: typeof data.data) =>
        old ? { ...old, provider: saved.provider } : old,
      );
      setFormKey((k) => k + 1);
    },
    onError: feedback.fail,
  });
  const check = useMutation({ mutationFn: () => checkInstitutionSignOn(slug) });
  const test = useMutation({
    mutationFn: (protocol: "oidc" | "saml") => startSignOnTest(slug, protocol),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  if (
    (institution.error instanceof ApiError && institution.error.status === 404) ||
    (data.error instanceof ApiError && data.error.status === 404)
  )
    return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  const provider = data.data?.provider ?? null;

  return (
    <div className="page">
      <PageHeading title={name ? t("signOnSettings.pageTitle", { name }) : t("signOnSettings.title")} />
      <InstitutionTabs slug={slug} />
      {data.isPending && <Loading />}
      {data.isError && <QueryError error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && (
        <div className="columns">
          <section className="card section" aria-labelledby={headingId}>
            <h2 id={headingId}>{t("signOnSettings.title")}</h2>
            <p className="muted">{t("signOnSettings.intro")}</p>
            <StatusMessage>{save.isSuccess ? t("signOnSettings.saved") : null}</StatusMessage>
            <SignOnForm
              key={formKey}
              provider={provider}
              pending={save.isPending}
              feedback={feedback}
              onSubmit={(input) => save.mutate(input)}
            />
          </section>
          <section className="section" aria-labelledby={testId}>
            <h2 id={testId}>{t("signOnSettings.testTitle")}</h2>
            <p>{t("signOnSettings.redirectUri")}</p>
            <p>
              <code className="break-anywhere">{data.data.oidcRedirectUri}</code>
            </p>
            <p>{t("signOnSettings.samlMetadata")}</p>
            <p>
              <code className="break-anywhere">{`${window.location.origin}/saml/${slug}/metadata`}</code>
            </p>
            {provider ? (
              <>
                <p className="muted">{t("signOnSettings.testIntro")}</p>
                <FormAlert
                  message={test.error ? errorText(test.error) : check.error ? errorText(check.error) : null}
                />
                <div className="form-actions">
                  <ActionButton pending={check.isPending} onClick={() => check.mutate()}>
                    {t("signOnSettings.testConnection")}
                  </ActionButton>
                  <ActionButton pending={test.isPending} onClick={() => test.mutate(provider.protocol)}>
                    {t("signOnSettings.testSignIn")}
                  </ActionButton>
                </div>
                {check.data && <ConnectionReport report={check.data} />}
              </>
            ) : (
              <p className="muted">{t("signOnSettings.saveFirst")}</p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
