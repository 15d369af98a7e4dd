import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CurrentUser } from "../../../core/accounts/accounts.types.ts";
import { cancelTotpSignIn, completeTotpSignIn } from "../../api/auth.ts";
import { ApiError } from "../../api/http.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";

const FIELDS = ["code", "recoveryCode"] as const;

/**
 * The second step of a sign-in with two-step verification: the code the authenticator app shows,
 * or one of the recovery codes. When the step expired, `onRestart` goes back to the password.
 */
export function TotpSignInStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: (user: CurrentUser) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback(FIELDS, { totp_code_invalid: "code" });
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [recoveryCode, setRecoveryCode] = useState("");
  const field = useRecovery ? "recoveryCode" : "code";
  const mutation = useMutation({
    mutationFn: () => completeTotpSignIn(useRecovery ? { recoveryCode } : { code: code.replace(/\s+/g, "") }),
    onSuccess: onSignedIn,
    onError: (error) => {
      feedback.fail(error);
      setCode("");
      setRecoveryCode("");
    },
  });
  const expired = mutation.error instanceof ApiError && mutation.error.code === "sign_in_step_expired";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = useRecovery ? recoveryCode : code;
    if (feedback.validate({ [field]: value.trim() ? undefined : "required" })) mutation.mutate();
  };
  const switchMethod = () => {
    feedback.clear();
    mutation.reset();
    setUseRecovery(!useRecovery);
  };
  const restart = () => {
    void cancelTotpSignIn().finally(onRestart);
  };

  return (
    <form className="form card" noValidate onSubmit={submit}>
      <FormAlert message={feedback.formError} />
      <p>{useRecovery ? t("twoFactor.signIn.recoveryIntro") : t("twoFactor.signIn.intro")}</p>
      {useRecovery ? (
        <TextField
          key="recovery"
          label={t("twoFactor.signIn.recoveryCode")}
          hint={t("twoFactor.signIn.recoveryHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          required
          {...feedback.bind("recoveryCode", recoveryCode, setRecoveryCode)}
        />
      ) : (
        <TextField
          key="code"
          label={t("twoFactor.signIn.code")}
          hint={t("twoFactor.signIn.codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={12}
          autoFocus
          required
          {...feedback.bind("code", code, setCode)}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("twoFactor.signIn.submit")}</SubmitButton>
        <button type="button" className="button button-secondary" onClick={switchMethod}>
          {useRecovery ? t("twoFactor.signIn.useCode") : t("twoFactor.signIn.useRecovery")}
        </button>
      </div>
      <p className="totp-restart">
        <button type="button" className="text-button" onClick={restart}>
          {expired ? t("twoFactor.signIn.startAgain") : t("twoFactor.signIn.cancel")}
        </button>
      </p>
    </form>
  );
}
