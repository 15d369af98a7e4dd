import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ACCOUNT_EXPORT_URL, closeAccount } from "../../api/auth.ts";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { forgetSession } from "../auth/useSignOut.ts";

const FIELDS = ["password"] as const;

/** "Download my data" and closing the account (with the password). */
export function PrivacySection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const feedback = useFormFeedback(FIELDS, { password_incorrect: "password" });
  const [password, setPassword] = useState("");
  const close = useMutation({
    mutationFn: () => closeAccount(password),
    onSuccess: () =>
      forgetSession(queryClient, () => navigate("/sign-in", { state: { accountClosed: true } })),
    onError: (error) => {
      feedback.fail(error);
      setPassword("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.validate({ password: password ? undefined : "required" })) close.mutate();
  };

  return (
    <section className="card section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t("privacy.title")}</h2>
      <h3>{t("privacy.export.title")}</h3>
      <p>{t("privacy.export.intro")}</p>
      <p>
        <a className="button button-secondary" href={ACCOUNT_EXPORT_URL} download>
          {t("privacy.export.download")}
        </a>
      </p>
      <form
        className="form confirmed-action"
        noValidate
        onSubmit={submit}
        aria-labelledby="close-account-heading"
      >
        <h3 id="close-account-heading">{t("privacy.close.title")}</h3>
        <p>{t("privacy.close.intro")}</p>
        <FormAlert message={feedback.formError} />
        <CurrentPasswordField
          label={t("privacy.close.password")}
          field={feedback.bind("password", password, setPassword)}
        />
        <div className="form-actions">
          <SubmitButton pending={close.isPending} variant="danger">
            {t("privacy.close.submit")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
