import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { AuditTrail } from "../features/audit/AuditTrail.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's audit trail, for its administrators and the operator. */
export function InstitutionAuditPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { slug = "" } = useParams();
  const institution = useInstitution(slug);
  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  return (
    <div className="page">
      <PageHeading title={name ? t("audit.pageTitle", { name }) : t("audit.title")} />
      <InstitutionTabs slug={slug} />
      <p className="muted">{t("audit.intro")}</p>
      <AuditTrail scope={{ institution: slug }} />
    </div>
  );
}
