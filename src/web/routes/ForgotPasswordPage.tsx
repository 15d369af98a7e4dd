import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { requestPasswordReset } from "../api/auth.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { isEmail } from "../lib/validation.ts";

const FIELDS = ["email"] as const;

/** Asks for a reset link. The answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const feedback = useFormFeedback(FIELDS);
  const [email, setEmail] = useState("");
  const mutation = useMutation({
    mutationFn: () => requestPasswordReset(email.trim(), lang),
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = feedback.validate(isEmail(email) ? {} : { email: email.trim() ? "email" : "required" });
    if (valid) mutation.mutate();
  };

  return (
    <div className="page page-narrow">
      <PageHeading title={t("forgotPassword.title")} />
      <StatusMessage>
        {mutation.isSuccess && (
          <>
            <p>{t("forgotPassword.sent")}</p>
            <p>
              <Link to="/sign-in">{t("forgotPassword.backToSignIn")}</Link>
            </p>
          </>
        )}
      </StatusMessage>
      {!mutation.isSuccess && (
        <form className="form card" noValidate onSubmit={submit}>
          <p>{t("forgotPassword.intro")}</p>
          <FormAlert message={feedback.formError} />
          <TextField
            label={t("forgotPassword.email")}
            type="email"
            autoComplete="email"
            required
            {...feedback.bind("email", email, setEmail)}
          />
          <div className="form-actions">
            <SubmitButton pending={mutation.isPending}>{t("forgotPassword.submit")}</SubmitButton>
            <Link to="/sign-in">{t("forgotPassword.backToSignIn")}</Link>
          </div>
        </form>
      )}
    </div>
  );
}
