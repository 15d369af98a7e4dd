import { useTranslation } from "react-i18next";
import { TextField } from "../../components/TextField.tsx";
import type { BoundField } from "../../hooks/useFormFeedback.ts";

export type OidcField = "issuer" | "clientId" | "clientSecret" | "scopes";

/**
 * The OpenID Connect provider block of a sign-on settings form (an institution's, or one of the
 * portal's providers): issuer, client id, the write-only client secret, scopes.
 */
export function OidcFields(props: { bind: (field: OidcField) => BoundField; hasSecret: boolean }) {
  const { t } = useTranslation();
  const { bind } = props;
  return (
    <>
      <TextField
        label={t("signOnSettings.issuer")}
        hint={t("signOnSettings.issuerHint")}
        type="url"
        spellCheck={false}
        autoComplete="off"
        {...bind("issuer")}
      />
      <TextField
        label={t("signOnSettings.clientId")}
        spellCheck={false}
        autoComplete="off"
        {...bind("clientId")}
      />
      <TextField
        label={t("signOnSettings.clientSecret")}
        hint={props.hasSecret ? t("signOnSettings.clientSecretKept") : t("signOnSettings.clientSecretHint")}
        type="password"
        autoComplete="new-password"
        {...bind("clientSecret")}
      />
      <TextField
        label={t("signOnSettings.scopes")}
        hint={t("signOnSettings.scopesHint")}
        spellCheck={false}
        {...bind("scopes")}
      />
    </>
  );
}
