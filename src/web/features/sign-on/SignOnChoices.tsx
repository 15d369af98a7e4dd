import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { getSignOnOptions, institutionSignOnUrl, signOnKeys, socialSignOnUrl } from "../../api/sign-on.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";

/** The sign-in page's other ways in: the institution's sign-on, and accounts linked to a Sceau account. */
export function SignOnChoices() {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const options = useQuery({ queryKey: signOnKeys.options, queryFn: getSignOnOptions });
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const institutions = options.data?.institutions ?? [];
  const providers = options.data?.providers ?? [];
  if (institutions.length === 0 && providers.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!slug) {
      setError(t("validation.required"));
      return;
    }
    window.location.assign(institutionSignOnUrl(slug));
  };

  return (
    <section className="card section sign-on-choices" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("signOn.otherWays")}</h2>
      {institutions.length > 0 && (
        <form className="form" noValidate onSubmit={submit}>
          <SelectField
            label={t("signOn.institution")}
            hint={t("signOn.institutionHint")}
            name="institution"
            value={slug}
            error={error}
            onChange={(event) => {
              setSlug(event.target.value);
              setError(undefined);
            }}
          >
            <option value="">{t("signOn.chooseInstitution")}</option>
            {institutions.map((i) => (
              <option key={i.slug} value={i.slug}>
                {localizedName(i, lang)}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button type="submit" className="button button-secondary">
              {t("signOn.withInstitution")}
            </button>
          </div>
        </form>
      )}
      {providers.length > 0 && (
        <ul className="sign-on-providers">
          {providers.map((p) => (
            <li key={p.key}>
              <a className="button button-secondary" href={socialSignOnUrl(p.key)}>
                {t("signOn.withProvider", { name: localizedName(p, lang) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {providers.length > 0 && <p className="muted">{t("signOn.providersHint")}</p>}
    </section>
  );
}
