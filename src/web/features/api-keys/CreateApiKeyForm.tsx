import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKeyInput, ApiKeyScope } from "../../../core/api-keys/api-keys.types.ts";

/** The scopes, in the order the form shows them (the type checks they are all there). */
const API_KEY_SCOPES: readonly ApiKeyScope[] = ["issue", "read", "revoke"] satisfies ApiKeyScope[];

import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FieldError } from "../../components/FieldError.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FormFeedback } from "../../hooks/useFormFeedback.ts";

export const API_KEY_FIELDS = ["name", "scopes"] as const;

interface CreateApiKeyFormProps {
  pending: boolean;
  feedback: FormFeedback<(typeof API_KEY_FIELDS)[number]>;
  onSubmit: (input: ApiKeyInput) => void;
}

/** A name and the scopes (issue, read, revoke) of a new key. */
export function CreateApiKeyForm({ pending, feedback, onSubmit }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const scopesErrorId = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["read"]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = feedback.validate({
      ...(name.trim() ? {} : { name: "required" as const }),
      ...(scopes.length > 0 ? {} : { scopes: "required" as const }),
    });
    if (valid) onSubmit({ name: name.trim(), scopes });
  };
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => API_KEY_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));

  return (
    <form className="form card subsection" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t("apiKeys.createTitle")}</h3>
      <p className="muted">{t("apiKeys.createIntro")}</p>
      <FormAlert message={feedback.formError} />
      <TextField
        label={t("apiKeys.name")}
        hint={t("apiKeys.nameHint")}
        autoComplete="off"
        maxLength={100}
        required
        {...feedback.bind("name", name, setName)}
      />
      <fieldset
        className="fieldset"
        aria-describedby={feedback.fieldErrors.scopes ? scopesErrorId : undefined}
      >
        <legend>{t("apiKeys.scopes")}</legend>
        {API_KEY_SCOPES.map((scope) => (
          <CheckboxField
            key={scope}
            name="scopes"
            label={t(`apiKeys.scope.${scope}`)}
            hint={t(`apiKeys.scopeHint.${scope}`)}
            checked={scopes.includes(scope)}
            onChange={(event) => toggle(scope, event.target.checked)}
          />
        ))}
        <FieldError id={scopesErrorId} error={feedback.fieldErrors.scopes} />
      </fieldset>
      <div className="form-actions">
        <SubmitButton pending={pending}>{t("apiKeys.createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
