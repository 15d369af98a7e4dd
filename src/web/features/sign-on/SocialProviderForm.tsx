import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityProvider, SocialProviderInput } from "../../../core/sign-on/sign-on.types.ts";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { ClientErrors, FormFeedback } from "../../hooks/useFormFeedback.ts";
import { OidcFields } from "./OidcFields.tsx";

export const SOCIAL_FIELDS = [
  "key",
  "nameFr",
  "nameEn",
  "issuer",
  "clientId",
  "clientSecret",
  "scopes",
  "emailClaim",
] as const;
type Field = (typeof SOCIAL_FIELDS)[number];

/** Adds or changes one of the portal's OpenID Connect providers (Google, Microsoft, LinkedIn or any). */
export function SocialProviderForm(props: {
  provider: IdentityProvider | null;
  pending: boolean;
  feedback: FormFeedback<Field>;
  onSubmit: (input: SocialProviderInput) => void;
}) {
  const { t } = useTranslation();
  const p = props.provider?.protocol === "oidc" ? props.provider : null;
  const [v, setV] = useState({
    key: p?.key ?? "",
    nameFr: p?.nameFr ?? "",
    nameEn: p?.nameEn ?? "",
    issuer: p?.settings.issuer ?? "",
    clientId: p?.settings.clientId ?? "",
    clientSecret: "",
    scopes: p?.settings.scopes ?? "openid email profile",
    emailClaim: p?.settings.emailClaim ?? "email",
  });
  const [enabled, setEnabled] = useState(p?.enabled ?? true);
  const bind = (f: Field) => props.feedback.bind(f, v[f], (value) => setV((old) => ({ ...old, [f]: value })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: ClientErrors<Field> = {};
    for (const f of ["key", "nameFr", "nameEn", "issuer", "clientId"] as const)
      if (!v[f].trim()) errors[f] = "required";
    if (v.key && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(v.key.trim())) errors.key = "slug";
    if (!props.feedback.validate(errors)) return;
    props.onSubmit({
      key: v.key.trim(),
      nameFr: v.nameFr.trim(),
      nameEn: v.nameEn.trim(),
      enabled,
      settings: {
        issuer: v.issuer.trim(),
        clientId: v.clientId.trim(),
        scopes: v.scopes.trim(),
        studentNumberClaim: null,
        emailClaim: v.emailClaim.trim() || "email",
      },
      ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
    });
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormAlert message={props.feedback.formError} />
      <TextField
        label={t("socialProviders.key")}
        hint={t("socialProviders.keyHint")}
        readOnly={!!p}
        spellCheck={false}
        autoComplete="off"
        {...bind("key")}
      />
      <TextField label={t("socialProviders.nameFr")} lang="fr" {...bind("nameFr")} />
      <TextField label={t("socialProviders.nameEn")} lang="en" {...bind("nameEn")} />
      <OidcFields bind={bind} hasSecret={Boolean(p?.hasSecret)} />
      <TextField
        label={t("signOnSettings.emailClaim")}
        hint={t("signOnSettings.emailHint")}
        spellCheck={false}
        {...bind("emailClaim")}
      />
      <CheckboxField
        label={t("socialProviders.enabled")}
        name="enabled"
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <div className="form-actions">
        <SubmitButton pending={props.pending}>{t("socialProviders.save")}</SubmitButton>
      </div>
    </form>
  );
}
