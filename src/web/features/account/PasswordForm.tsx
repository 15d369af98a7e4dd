import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { NewPasswordFields } from "../../components/NewPasswordFields.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
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
        <CurrentPasswordField
          label={t("account.password.current")}
          field={feedback.bind("currentPassword", currentPassword, setCurrentPassword)}
        />
        <NewPasswordFields
          passwordLabel={t("account.password.new")}
          confirmationLabel={t("account.password.confirmation")}
          password={feedback.bind("newPassword", password, setPassword)}
          confirmation={feedback.bind("confirmation", confirmation, setConfirmation)}
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t("account.password.submit")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
