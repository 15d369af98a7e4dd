import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { InvitationPreview } from "../../../core/institutions/institutions.types.ts";
import { ApiError } from "../../api/http.ts";
import { acceptInvitation } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { NewPasswordFields } from "../../components/NewPasswordFields.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { newPasswordErrors } from "../../lib/passwordRules.ts";
import { consolePath } from "../../lib/roles.ts";

const FIELDS = ["displayName", "password", "confirmation"] as const;
type Field = (typeof FIELDS)[number];

interface InvitationAcceptFormProps {
  token: string;
  invitation: Pick<InvitationPreview, "email" | "accountExists">;
  /** The API call that accepts (an institution invitation by default; organizations have their own). */
  accept?: typeof acceptInvitation;
  /** Called when the API says the invitation can no longer be used. */
  onInvalid: (error: unknown) => void;
}

/**
 * Accepting signs the person in. A new person chooses a name and a password; someone who
 * already has an account with this address proves it with their current password.
 */
export function InvitationAcceptForm({
  token,
  invitation,
  accept = acceptInvitation,
  onInvalid,
}: InvitationAcceptFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const existing = invitation.accountExists;

  const mutation = useMutation({
    mutationFn: () =>
      accept(existing ? { token, password } : { token, displayName: displayName.trim(), password }),
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: queryKeys.invitation(token) });
      // An existing account with two-step verification: the code step of the sign-in page.
      if (result.status === "totp_required") return navigate("/sign-in?step=totp", { replace: true });
      queryClient.setQueryData(queryKeys.me, result.user);
      navigate(consolePath(result.user), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === "invitation_invalid" || error.status === 404))
        onInvalid(error);
      else feedback.fail(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let errors: ClientErrors<Field>;
    if (existing) errors = password ? {} : { password: "required" };
    else {
      errors = newPasswordErrors(password, confirmation);
      if (!displayName.trim()) errors.displayName = "required";
    }
    if (feedback.validate(errors)) mutation.mutate();
  };

  return (
    <form className="form card" noValidate onSubmit={submit} aria-labelledby="accept-heading">
      <h2 id="accept-heading">{existing ? t("invitation.existingHeading") : t("invitation.newHeading")}</h2>
      <p>{existing ? t("invitation.existingIntro") : t("invitation.newIntro")}</p>
      <FormAlert message={feedback.formError} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
      {!existing && (
        <TextField
          label={t("invitation.displayName")}
          hint={t("invitation.displayNameHint")}
          autoComplete="name"
          required
          {...feedback.bind("displayName", displayName, setDisplayName)}
        />
      )}
      {existing ? (
        <CurrentPasswordField
          label={t("invitation.currentPassword")}
          field={feedback.bind("password", password, setPassword)}
        />
      ) : (
        <NewPasswordFields
          passwordLabel={t("invitation.password")}
          confirmationLabel={t("invitation.confirmation")}
          password={feedback.bind("password", password, setPassword)}
          confirmation={feedback.bind("confirmation", confirmation, setConfirmation)}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("invitation.submit")}</SubmitButton>
        {existing && <Link to="/forgot-password">{t("signIn.forgotPassword")}</Link>}
      </div>
    </form>
  );
}
