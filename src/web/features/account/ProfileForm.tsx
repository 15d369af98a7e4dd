import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CurrentUser } from "../../../core/accounts/accounts.types.ts";
import type { Locale } from "../../../core/i18n.types.ts";
import { updateMe } from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { isLocale } from "../../i18n/locale.ts";

const FIELDS = ["displayName", "locale"] as const;

/** Display name and the language of the emails Sceau sends to this person. */
export function ProfileForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const mutation = useMutation({
    mutationFn: () => updateMe({ displayName: displayName.trim(), locale }),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.me, updated),
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (feedback.validate(displayName.trim() ? {} : { displayName: "required" })) mutation.mutate();
  };

  return (
    <section className="card section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("account.profile.title")}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert message={feedback.formError} />
        <StatusMessage>{mutation.isSuccess ? t("account.profile.saved") : null}</StatusMessage>
        <TextField
          label={t("account.profile.displayName")}
          autoComplete="name"
          required
          {...feedback.bind("displayName", displayName, setDisplayName)}
        />
        <SelectField
          label={t("account.profile.emailLanguage")}
          hint={t("account.profile.emailLanguageHint")}
          name="locale"
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
          error={feedback.fieldErrors.locale}
        >
          <option value="fr" lang="fr">
            {t("languages.fr")}
          </option>
          <option value="en" lang="en">
            {t("languages.en")}
          </option>
        </SelectField>
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t("account.profile.submit")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
