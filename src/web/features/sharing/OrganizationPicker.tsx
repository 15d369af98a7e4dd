import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DirectoryEntry } from "../../../core/organizations/organizations.types.ts";
import { searchOrganizationDirectory } from "../../api/organizations.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useLocale } from "../../hooks/useLocale.ts";

interface Props {
  value: string | null;
  onChange: (organizationId: string) => void;
}

/** Choosing an organization from the operator's directory: a search box above a radio group (arrow keys move the choice). */
export function OrganizationPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLocale();
  const searchId = useId();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ["organization-directory", q],
    queryFn: () => searchOrganizationDirectory(q),
    placeholderData: (previous) => previous,
  });
  const countries = new Intl.DisplayNames([lang === "fr" ? "fr-CA" : "en-CA"], { type: "region" });
  const name = (o: DirectoryEntry) => (lang === "fr" ? o.nameFr : o.nameEn);
  const countryName = (code: string) => {
    try {
      return countries.of(code) ?? code;
    } catch {
      return code;
    }
  };

  return (
    <fieldset className="organization-picker">
      <legend>{t("sharing.form.organization")}</legend>
      <div className="field">
        <label htmlFor={searchId}>{t("sharing.form.organizationSearch")}</label>
        <input
          id={searchId}
          className="input"
          type="search"
          autoComplete="off"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {found.isPending && <Loading />}
      {found.isError && <QueryError error={found.error} onRetry={() => void found.refetch()} />}
      {found.data && found.data.length === 0 && <p role="status">{t("organizations.empty")}</p>}
      {found.data && found.data.length > 0 && (
        <ul className="organization-choices">
          {found.data.map((o) => (
            <li key={o.id}>
              <input
                type="radio"
                id={`organization-${o.id}`}
                name="organizationId"
                value={o.id}
                checked={value === o.id}
                onChange={() => onChange(o.id)}
              />
              <label htmlFor={`organization-${o.id}`} className="organization-choice">
                {o.logoUrl ? (
                  <img className="organization-choice-logo" src={o.logoUrl} alt="" />
                ) : (
                  <span className="organization-choice-logo" aria-hidden="true" />
                )}
                <span>
                  <strong>{name(o)}</strong>
                  <span className="muted organization-choice-meta">
                    {t(`organizations.kinds.${o.kind}`)} · {countryName(o.country)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
