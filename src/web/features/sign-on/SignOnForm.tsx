import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityProvider, InstitutionSignOnInput } from "../../../core/sign-on/sign-on.types.ts";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, type FormFeedback, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { isHttpUrl } from "../../lib/validation.ts";
import { OidcFields } from "./OidcFields.tsx";

export const SIGN_ON_FIELDS = [
  "issuer",
  "clientId",
  "clientSecret",
  "scopes",
  "studentNumberClaim",
  "emailClaim",
  "idpSsoUrl",
  "idpEntityId",
  "idpCertificatePem",
] as const;
type Field = (typeof SIGN_ON_FIELDS)[number];

/** The values of the form, from the saved provider (the secret is never known: it stays blank). */
function initial(p: IdentityProvider | null) {
  const oidc = p?.protocol === "oidc" ? p.settings : null;
  const saml = p?.protocol === "saml" ? p.settings : null;
  return {
    protocol: p?.protocol ?? "oidc",
    enabled: p?.enabled ?? false,
    issuer: oidc?.issuer ?? "",
    clientId: oidc?.clientId ?? "",
    clientSecret: "",
    scopes: oidc?.scopes ?? "openid email profile",
    studentNumberClaim: oidc?.studentNumberClaim ?? saml?.studentNumberAttribute ?? "",
    emailClaim: oidc?.emailClaim ?? saml?.emailAttribute ?? "email",
    idpSsoUrl: saml?.idpSsoUrl ?? "",
    idpEntityId: saml?.idpEntityId ?? "",
    idpCertificatePem: saml?.idpCertificatePem ?? "",
  };
}

/** An institution's sign-on: OpenID Connect or SAML 2.0, with the claim mapping. The client secret is write-only. */
export function SignOnForm(props: {
  provider: IdentityProvider | null;
  pending: boolean;
  feedback?: FormFeedback<Field>;
  onSubmit: (input: InstitutionSignOnInput) => void;
}) {
  const { t } = useTranslation();
  const own = useFormFeedback(SIGN_ON_FIELDS);
  const feedback = props.feedback ?? own;
  const [v, setV] = useState(() => initial(props.provider));
  const set = (field: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [field]: value }));
  const bind = (field: Field) => feedback.bind(field, v[field], set(field));
  const pemId = useId();
  const hasSecret = props.provider?.protocol === "oidc" && props.provider.hasSecret;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<Field> = {};
    if (v.protocol === "oidc") {
      if (!isHttpUrl(v.issuer.trim())) errors.issuer = v.issuer.trim() ? "url" : "required";
      if (!v.clientId.trim()) errors.clientId = "required";
    } else {
      if (!isHttpUrl(v.idpSsoUrl.trim())) errors.idpSsoUrl = v.idpSsoUrl.trim() ? "url" : "required";
      if (!v.idpEntityId.trim()) errors.idpEntityId = "required";
      if (!v.idpCertificatePem.trim()) errors.idpCertificatePem = "required";
    }
    if (!feedback.validate(errors)) return;
    const studentNumber = v.studentNumberClaim.trim() || null;
    const email = v.emailClaim.trim() || "email";
    props.onSubmit(
      v.protocol === "oidc"
        ? {
            protocol: "oidc",
            enabled: v.enabled,
            settings: {
              issuer: v.issuer.trim(),
              clientId: v.clientId.trim(),
              scopes: v.scopes.trim(),
              studentNumberClaim: studentNumber,
              emailClaim: email,
            },
            ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
          }
        : {
            protocol: "saml",
            enabled: v.enabled,
            settings: {
              idpSsoUrl: v.idpSsoUrl.trim(),
              idpEntityId: v.idpEntityId.trim(),
              idpCertificatePem: v.idpCertificatePem.trim(),
              studentNumberAttribute: studentNumber,
              emailAttribute: email,
            },
          },
    );
  };
  const pemError = feedback.fieldErrors.idpCertificatePem;

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormAlert message={feedback.formError} />
      <CheckboxField
        label={t("signOnSettings.enabled")}
        hint={t("signOnSettings.enabledHint")}
        name="enabled"
        checked={v.enabled}
        onChange={(e) => setV((old) => ({ ...old, enabled: e.target.checked }))}
      />
      <SelectField
        label={t("signOnSettings.protocol")}
        name="protocol"
        value={v.protocol}
        onChange={(e) => setV((old) => ({ ...old, protocol: e.target.value === "saml" ? "saml" : "oidc" }))}
      >
        <option value="oidc">OpenID Connect</option>
        <option value="saml">SAML 2.0</option>
      </SelectField>
      {v.protocol === "oidc" ? (
        <OidcFields bind={bind} hasSecret={hasSecret} />
      ) : (
        <>
          <TextField
            label={t("signOnSettings.idpSsoUrl")}
            type="url"
            spellCheck={false}
            autoComplete="off"
            {...bind("idpSsoUrl")}
          />
          <TextField
            label={t("signOnSettings.idpEntityId")}
            spellCheck={false}
            autoComplete="off"
            {...bind("idpEntityId")}
          />
          <FieldFrame
            controlId={pemId}
            label={t("signOnSettings.idpCertificatePem")}
            hint={t("signOnSettings.idpCertificateHint")}
            error={pemError}
          >
            <textarea
              id={pemId}
              className="input textarea"
              name="idpCertificatePem"
              rows={6}
              spellCheck={false}
              value={v.idpCertificatePem}
              aria-describedby={fieldIds(pemId, "hint", pemError).describedBy}
              aria-invalid={pemError ? true : undefined}
              onChange={(e) => set("idpCertificatePem")(e.target.value)}
            />
          </FieldFrame>
        </>
      )}
      <TextField
        label={t("signOnSettings.studentNumberClaim")}
        hint={t("signOnSettings.studentNumberHint")}
        spellCheck={false}
        {...bind("studentNumberClaim")}
      />
      <TextField
        label={t("signOnSettings.emailClaim")}
        hint={t("signOnSettings.emailHint")}
        spellCheck={false}
        {...bind("emailClaim")}
      />
      <div className="form-actions">
        <SubmitButton pending={props.pending}>{t("signOnSettings.save")}</SubmitButton>
      </div>
    </form>
  );
}
