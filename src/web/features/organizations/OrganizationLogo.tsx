import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organization } from "../../../core/organizations/organizations.types.ts";
import { setOrganizationLogo } from "../../api/organizations.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { LogoFileField } from "../institutions/LogoFileField.tsx";

/** The organization's logo: PNG, JPEG or WebP (checked by the server from its bytes). */
export function OrganizationLogo({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File | null) => setOrganizationLogo(organization.slug, file),
    onSuccess: (saved) => {
      setError(null);
      queryClient.setQueryData(["organization", saved.slug], saved);
      if (inputRef.current) inputRef.current.value = "";
    },
    onError: (e) => setError(errorText(e)),
  });
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) mutation.mutate(file);
  };
  return (
    <section className="card" aria-labelledby="org-logo-heading">
      <h2 id="org-logo-heading">{t("organizations.logoTitle")}</h2>
      <FormAlert message={error} />
      {organization.hasLogo && !organization.archivedAt && (
        <img
          className="organization-logo"
          src={`/api/v1/organizations/${encodeURIComponent(organization.slug)}/logo?v=${encodeURIComponent(organization.updatedAt)}`}
          alt={t("organizations.logoAlt")}
        />
      )}
      <LogoFileField inputRef={inputRef} onChange={onChange} />
      {organization.hasLogo && (
        <button type="button" className="button button-secondary" onClick={() => mutation.mutate(null)}>
          {t("organizations.removeLogo")}
        </button>
      )}
    </section>
  );
}
