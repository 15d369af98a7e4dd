import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import { signIn } from "../api/auth.ts";
import { queryKeys } from "../api/query-keys.ts";
import { CurrentPasswordField } from "../components/CurrentPasswordField.tsx";
import { FormAlert } from "../components/FormAlert.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { SignOnChoices } from "../features/sign-on/SignOnChoices.tsx";
import { TotpSignInStep } from "../features/two-factor/TotpSignInStep.tsx";
import { type ClientErrors, useFormFeedback } from "../hooks/useFormFeedback.ts";
import { consolePath, safeNextPath } from "../lib/roles.ts";
import { isEmail } from "../lib/validation.ts";

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const feedback = useFormFeedback(FIELDS);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const next = safeNextPath(searchParams.get("next"));
  const state = location.state as { signedOut?: boolean; accountClosed?: boolean } | null;
  const signedOut = state?.signedOut === true;
  // The code step: after the password here, or after a sign-on elsewhere (?step=totp).
  const [totpStep, setTotpStep] = useState(searchParams.get("step") === "totp");
  const [signedInUser, setSignedInUser] = useState(false);

  const enter = (signedIn: CurrentUser) => {
    setSignedInUser(true);
    queryClient.setQueryData(queryKeys.me, signedIn);
    navigate(next ?? consolePath(signedIn), { replace: true });
  };
  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (result) => {
      setPassword("");
      if (result.status === "totp_required") setTotpStep(true);
      else enter(result.user);
    },
    onError: (error) => {
      feedback.fail(error);
      setPassword("");
    },
  });

  if (user && !mutation.isPending && !mutation.isSuccess && !signedInUser)
    return <Navigate to={next ?? consolePath(user)} replace />;

  if (totpStep)
    return (
      <div className="page page-narrow">
        <PageHeading title={t("twoFactor.signIn.title")} />
        <TotpSignInStep
          onSignedIn={enter}
          onRestart={() => {
            mutation.reset();
            setTotpStep(false);
          }}
        />
      </div>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<Field> = {};
    if (!isEmail(email)) errors.email = email.trim() ? "email" : "required";
    if (!password) errors.password = "required";
    if (feedback.validate(errors)) mutation.mutate();
  };

  return (
    <div className="page page-narrow">
      <PageHeading title={t("signIn.title")} />
      <StatusMessage>
        {state?.accountClosed && !mutation.isError
          ? t("privacy.close.done")
          : signedOut && !mutation.isError
            ? t("signIn.signedOut")
            : null}
      </StatusMessage>
      <form className="form card" noValidate onSubmit={submit}>
        <FormAlert message={feedback.formError} />
        <TextField
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          required
          {...feedback.bind("email", email, setEmail)}
        />
        <CurrentPasswordField
          label={t("signIn.password")}
          field={feedback.bind("password", password, setPassword)}
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t("signIn.submit")}</SubmitButton>
          <Link to="/forgot-password">{t("signIn.forgotPassword")}</Link>
        </div>
      </form>
      <SignOnChoices />
    </div>
  );
}
