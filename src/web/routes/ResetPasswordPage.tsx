import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { completePasswordReset } from "../api/auth.ts";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { NewPasswordFields } from "../components/NewPasswordFields.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useHashToken } from "../hooks/useHashToken.ts";
import { newPasswordErrors } from "../lib/passwordRules.ts";

const FIELDS = ["password", "confirmation"] as const;

/** The API's answer means the link itself is unusable (unknown, used or expired), not the password. */
function isBadLink(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404 || error.status === 410) return true;
  if (error.code === "validation_failed") return error.issues.some((issue) => issue.path === "token");
  return error.status === 400 && /token|link|invalid/.test(error.code);
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useHashToken();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const mutation = useMutation({
    mutationFn: () => completePasswordReset(token ?? "", password),
    onSuccess: () => {
      // Every session of the account was signed out, this browser's too.
      queryClient.setQueryData(queryKeys.me, null);
    },
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.validate(newPasswordErrors(password, confirmation))) mutation.mutate();
  };

  if (!token || isBadLink(mutation.error)) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("resetPassword.invalidTitle")} takeFocus={mutation.isError} />
        <p className="lead">{t("resetPassword.invalidBody")}</p>
        <p>
          <Link to="/forgot-password" className="button button-primary">
            {t("resetPassword.askAgain")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <PageHeading title={t("resetPassword.title")} />
      <StatusMessage>
        {mutation.isSuccess && (
          <>
            <p>{t("resetPassword.done")}</p>
            <p>
              <Link to="/sign-in">{t("resetPassword.signIn")}</Link>
            </p>
          </>
        )}
      </StatusMessage>
      {!mutation.isSuccess && (
        <form className="form card" noValidate onSubmit={submit}>
          <FormAlert message={feedback.formError} />
          <NewPasswordFields
            passwordLabel={t("resetPassword.password")}
            confirmationLabel={t("resetPassword.confirmation")}
            minLength={8}
            password={feedback.bind("password", password, setPassword)}
            confirmation={feedback.bind("confirmation", confirmation, setConfirmation)}
          />
          <div className="form-actions">
            <SubmitButton pending={mutation.isPending}>{t("resetPassword.submit")}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
