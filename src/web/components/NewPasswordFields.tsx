import { useTranslation } from "react-i18next";
import type { BoundField } from "../hooks/useFormFeedback.ts";
import { TextField } from "./TextField.tsx";

interface NewPasswordFieldsProps {
  passwordLabel: string;
  confirmationLabel: string;
  /** Lets the browser refuse a shorter password before the form's own check. */
  minLength?: number;
  password: BoundField;
  confirmation: BoundField;
}

/** A new password, with the rule as its hint, and its confirmation. */
export function NewPasswordFields({
  passwordLabel,
  confirmationLabel,
  minLength,
  password,
  confirmation,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={passwordLabel}
        hint={t("passwords.rule")}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        {...password}
      />
      <TextField
        label={confirmationLabel}
        type="password"
        autoComplete="new-password"
        required
        {...confirmation}
      />
    </>
  );
}
