import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InstitutionRole } from "../../../core/accounts/accounts.types.ts";
import { inviteStaff } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { isEmail } from "../../lib/validation.ts";

const FIELDS = ["email", "role"] as const;
const ROLES: readonly InstitutionRole[] = ["institution_admin", "issuer"];

interface InviteFormProps {
  slug: string;
  /** The operator invites administrators only; an institution's administrators choose the role. */
  operatorView: boolean;
}

export function InviteForm({ slug, operatorView }: InviteFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const feedback = useFormFeedback(FIELDS);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InstitutionRole>(operatorView ? "institution_admin" : "issuer");
  const mutation = useMutation({
    mutationFn: () =>
      inviteStaff(slug, { email: email.trim(), role: operatorView ? "institution_admin" : role }),
    onSuccess: () => {
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.staff(slug) });
    },
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const valid = feedback.validate(isEmail(email) ? {} : { email: email.trim() ? "email" : "required" });
    if (valid) mutation.mutate();
  };

  return (
    <form
      className="form card subsection invite-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{operatorView ? t("staff.inviteAdmin") : t("staff.invite")}</h3>
      <p className="muted">{t("staff.inviteIntro")}</p>
      <FormAlert message={feedback.formError} />
      <StatusMessage>
        {mutation.isSuccess ? t("staff.invited", { email: mutation.data.email }) : null}
      </StatusMessage>
      <div className="form-row">
        <TextField
          label={t("staff.inviteEmail")}
          type="email"
          autoComplete="off"
          required
          {...feedback.bind("email", email, setEmail)}
        />
        {!operatorView && (
          <SelectField
            label={t("staff.inviteRole")}
            name="role"
            value={role}
            onChange={(event) => setRole(ROLES.find((r) => r === event.target.value) ?? "institution_admin")}
            error={feedback.fieldErrors.role}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("staff.inviteSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
