import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";

const FIELDS = ["proof"] as const;

/** A sensitive change confirmed with the password or a current code from the app. */
export function ConfirmedAction<T>({
  title,
  submitLabel,
  variant,
  action,
  onDone,
}: {
  title: string;
  submitLabel: string;
  variant: "secondary" | "danger";
  action: (passwordOrCode: string) => Promise<T>;
  onDone: (result: T) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback(FIELDS, { password_incorrect: "proof", totp_code_invalid: "proof" });
  const [proof, setProof] = useState("");
  const mutation = useMutation({
    mutationFn: () => action(proof),
    onSuccess: (result) => {
      setProof("");
      onDone(result);
    },
    onError: (error) => {
      feedback.fail(error);
      setProof("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.validate({ proof: proof ? undefined : "required" })) mutation.mutate();
  };
  return (
    <form className="form confirmed-action" noValidate onSubmit={submit}>
      <h3>{title}</h3>
      <FormAlert message={feedback.formError} />
      <TextField
        label={t("twoFactor.proof.label")}
        hint={t("twoFactor.proof.hint")}
        type="password"
        autoComplete="current-password"
        required
        {...feedback.bind("proof", proof, setProof)}
      />
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
