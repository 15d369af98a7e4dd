import { useTranslation } from "react-i18next";
import type { Institution } from "../../../core/institutions/institutions.types.ts";
import { InstitutionBrand } from "./InstitutionBrand.tsx";

/** The institution at a glance: brand, names, identifier, email domain. */
export function InstitutionSummary({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  return (
    <section className="card section institution-summary" aria-labelledby="institution-summary-heading">
      <h2 id="institution-summary-heading">{t("institutionSummary.title")}</h2>
      <InstitutionBrand institution={institution} size="large" />
      <dl className="details">
        <div>
          <dt>{t("institutionForm.nameFr")}</dt>
          <dd lang="fr">{institution.nameFr}</dd>
        </div>
        <div>
          <dt>{t("institutionForm.nameEn")}</dt>
          <dd lang="en">{institution.nameEn}</dd>
        </div>
        <div>
          <dt>{t("institutions.slug")}</dt>
          <dd>
            <code>{institution.slug}</code>
          </dd>
        </div>
        <div>
          <dt>{t("institutions.emailDomain")}</dt>
          <dd>{institution.emailDomain ?? t("institutions.noDomain")}</dd>
        </div>
      </dl>
    </section>
  );
}
