import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../../api/client.ts";
import { queryKeys } from "../../api/queryKeys.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { newPasswordErrors } from "../../lib/passwordRules.ts";

const FIELDS = ["currentPassword", "newPassword", "confirmation"] as const;

/** Changing the password signs out every other session. */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [currentPassword, setCurrentPassword] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const mutation = useMutation({
    mutationFn: () => changePassword(currentPassword, password),
    onSuccess: () => {
      setCurrentPassword("");
      setPassword("");
      setConfirmation("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const rules = newPasswordErrors(password, confirmation);
    const errors = {
      currentPassword: currentPassword ? undefined : ("required" as const),
      newPassword: rules.password,
      confirmation: rules.confirmation,
    };
    if (feedback.validate(errors)) mutation.mutate();
  };

  return (
    <section className="card section" aria-labelledby="password-heading">
      <h2 id="password-heading">{t("account.password.title")}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert message={feedback.formError} />
        <StatusMessage>{mutation.isSuccess ? t("account.password.changed") : null}</StatusMessage>
        <TextField
          label={t("account.password.current")}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={feedback.fieldErrors.currentPassword}
        />
        <TextField
          label={t("account.password.new")}
          hint={t("passwords.rule")}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={feedback.fieldErrors.newPassword}
        />
        <TextField
          label={t("account.password.confirmation")}
          type="password"
          name="confirmation"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={feedback.fieldErrors.confirmation}
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t("account.password.submit")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
