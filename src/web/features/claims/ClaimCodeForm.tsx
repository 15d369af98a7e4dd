import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClaimPreview } from "../../../core/claims/claims.types.ts";
import { checkClaim } from "../../api/claims.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { formatAccessCode } from "../../lib/accessCode.ts";

const FIELDS = ["code", "password"] as const;
type Field = (typeof FIELDS)[number];

/** Step 1: the access code (from the link, or typed) and the claim password of the second email. */
export function ClaimCodeForm({
  initialCode,
  onChecked,
}: {
  initialCode: string;
  onChecked: (claim: ClaimPreview) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback(FIELDS);
  const [code, setCode] = useState(initialCode ? formatAccessCode(initialCode) : "");
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: () => checkClaim(code, password),
    onSuccess: onChecked,
    onError: (error) => {
      feedback.fail(error);
      setPassword("");
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<Field> = {};
    if (!code.trim()) errors.code = "required";
    if (!password.trim()) errors.password = "required";
    if (feedback.validate(errors)) mutation.mutate();
  };

  return (
    <form className="form card" noValidate onSubmit={submit} aria-labelledby="claim-code-heading">
      <h2 id="claim-code-heading">{t("claim.codeHeading")}</h2>
      <p>{t("claim.codeIntro")}</p>
      <FormAlert message={feedback.formError} />
      <TextField
        label={t("claim.code")}
        hint={t("claim.codeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        {...feedback.bind("code", code, setCode)}
        onBlur={() => setCode((c) => formatAccessCode(c))}
      />
      <TextField
        label={t("claim.password")}
        hint={t("claim.passwordHint")}
        type="password"
        autoComplete="off"
        required
        {...feedback.bind("password", password, setPassword)}
      />
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("claim.codeSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
