import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TotpEnrolment } from "../../../core/two-factor/two-factor.types.ts";
import { confirmTotpEnrolment } from "../../api/auth.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";

const FIELDS = ["code"] as const;

/** Setting up the app: the QR code, the key in text, then a first code to turn it on. */
export function TotpEnrolmentForm({
  enrolment,
  onEnabled,
  onCancel,
}: {
  enrolment: TotpEnrolment & { qrSvg: string };
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback(FIELDS, { totp_code_invalid: "code" });
  const [code, setCode] = useState("");
  const mutation = useMutation({
    mutationFn: () => confirmTotpEnrolment(code.replace(/\s+/g, "")),
    onSuccess: (result) => onEnabled(result.codes),
    onError: (error) => {
      feedback.fail(error);
      setCode("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback.validate({ code: code.trim() ? undefined : "required" })) mutation.mutate();
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="totp-setup-heading">
      <h3 id="totp-setup-heading">{t("twoFactor.setup.title")}</h3>
      <FormAlert message={feedback.formError} />
      <div className="totp-setup">
        <img
          className="totp-qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
          alt={t("twoFactor.setup.qrAlt")}
          width={192}
          height={192}
        />
        <div>
          <p>{t("twoFactor.setup.scan")}</p>
          <p>
            {t("twoFactor.setup.manual")}{" "}
            <code className="totp-secret" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <TextField
            label={t("twoFactor.setup.code")}
            hint={t("twoFactor.setup.codeHint")}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={12}
            required
            {...feedback.bind("code", code, setCode)}
          />
        </div>
      </div>
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>{t("twoFactor.setup.submit")}</SubmitButton>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("twoFactor.setup.cancel")}
        </button>
      </div>
    </form>
  );
}
