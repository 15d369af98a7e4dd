import { useTranslation } from "react-i18next";
import type { ClaimPreview } from "../../../core/claims/claims.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";
import { InstitutionBrand } from "../institutions/InstitutionBrand.tsx";

/** Whose documents these are and how many wait, in the institution's colours. */
export function ClaimSummary({ claim }: { claim: ClaimPreview }) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <section className="card invitation-summary" aria-labelledby="claim-summary">
      <InstitutionBrand institution={claim.institution} size="large" />
      <p id="claim-summary" className="lead">
        {t("claim.waiting", {
          name: claim.givenName,
          institution: localizedName(claim.institution, lang),
          count: claim.documentCount,
        })}
      </p>
    </section>
  );
}
