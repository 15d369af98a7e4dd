import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClaimPreview } from "../../../core/claims/claims.types.ts";
import { completeClaim } from "../../api/claims.ts";
import { ApiError } from "../../api/http.ts";
import { FieldError } from "../../components/FieldError.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { NewPasswordFields } from "../../components/NewPasswordFields.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { newPasswordErrors } from "../../lib/passwordRules.ts";
import { isEmail } from "../../lib/validation.ts";

const FIELDS = ["email", "password", "confirmation"] as const;
type Field = (typeof FIELDS)[number];

interface ClaimAccountFormProps {
  claim: ClaimPreview;
  onCreated: (email: string) => void;
  /** The claim token expired or was used: back to the code step. */
  onExpired: (error: unknown) => void;
}

/** Step 2: the learner's own account (email pre-filled, a password of their own, the terms). */
export function ClaimAccountForm({ claim, onCreated, onExpired }: ClaimAccountFormProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const feedback = useFormFeedback(FIELDS, { email_taken: "email" });
  const [email, setEmail] = useState(claim.email);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [accepted, setAccepted] = useState(false);
  const [termsError, setTermsError] = useState(false);
  const termsId = useId();
  const mutation = useMutation({
    mutationFn: () =>
      completeClaim({
        claimToken: claim.claimToken,
        email: email.trim(),
        password,
        acceptTerms: true,
        locale: lang,
      }),
    onSuccess: (done) => onCreated(done.email),
    onError: (error) => {
      if (error instanceof ApiError && error.code === "claim_token_invalid") onExpired(error);
      else feedback.fail(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<Field> = newPasswordErrors(password, confirmation);
    if (!isEmail(email)) errors.email = email.trim() ? "email" : "required";
    setTermsError(!accepted);
    const fieldsOk = feedback.validate(errors);
    if (fieldsOk && accepted) mutation.mutate();
  };
  const formError = feedback.formError ?? (termsError ? t("forms.fixErrors") : null);

  return (
    <form className="form card" noValidate onSubmit={submit} aria-labelledby="claim-account-heading">
      <h2 id="claim-account-heading">{t("claim.accountHeading")}</h2>
      <p>{t("claim.accountIntro")}</p>
      <FormAlert message={formError} />
      <TextField
        label={t("claim.email")}
        hint={t("claim.emailHint")}
        type="email"
        autoComplete="email"
        required
        {...feedback.bind("email", email, setEmail)}
      />
      <NewPasswordFields
        passwordLabel={t("claim.newPassword")}
        confirmationLabel={t("claim.confirmation")}
        password={feedback.bind("password", password, setPassword)}
        confirmation={feedback.bind("confirmation", confirmation, setConfirmation)}
      />
      <div className="field field-checkbox">
        <input
          id={termsId}
          type="checkbox"
          className="checkbox"
          checked={accepted}
          onChange={(e) => {
            setAccepted(e.target.checked);
            if (e.target.checked) setTermsError(false);
          }}
          aria-describedby={`${termsId}-links${termsError ? ` ${termsId}-error` : ""}`}
          aria-invalid={termsError || undefined}
          required
        />
        <div>
          <label htmlFor={termsId}>{t("claim.acceptTerms")}</label>
          <p id={`${termsId}-links`} className="field-hint">
            <Link to="/terms" target="_blank">
              {t("claim.readTerms")}
            </Link>{" "}
            ·{" "}
            <Link to="/privacy" target="_blank">
              {t("claim.readPrivacy")}
            </Link>
          </p>
          <FieldError id={`${termsId}-error`} error={termsError ? t("claim.termsRequired") : undefined} />
        </div>
      </div>
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("claim.accountSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
