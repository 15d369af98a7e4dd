import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { listInstitutions } from "../api/institutions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { AuditTrail } from "../features/audit/AuditTrail.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** Every event of the portal, for the operator: each institution's and the portal's own. */
export function OperatorAuditPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const institutions = useQuery({ queryKey: queryKeys.institutions, queryFn: listInstitutions });
  const names = new Map((institutions.data ?? []).map((i) => [i.id, localizedName(i, lang)]));
  return (
    <div className="page">
      <PageHeading title={t("audit.portalTitle")} />
      <p className="muted">{t("audit.portalIntro")}</p>
      <AuditTrail scope="portal" institutionNames={names} />
    </div>
  );
}
