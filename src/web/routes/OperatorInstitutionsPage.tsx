import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { listInstitutions } from "../api/institutions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** The operator's list of every institution. */
export function OperatorInstitutionsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const institutions = useQuery({ queryKey: queryKeys.institutions, queryFn: listInstitutions });
  const sorted = [...(institutions.data ?? [])].sort((a, b) =>
    localizedName(a, lang).localeCompare(localizedName(b, lang), lang),
  );

  return (
    <div className="page">
      <div className="page-header">
        <PageHeading title={t("institutions.title")} />
        <Link to="/operator/institutions/new" className="button button-primary">
          {t("institutions.new")}
        </Link>
      </div>
      {institutions.isPending && <Loading />}
      {institutions.isError && (
        <QueryError error={institutions.error} onRetry={() => void institutions.refetch()} />
      )}
      {institutions.data && sorted.length === 0 && <p className="empty">{t("institutions.empty")}</p>}
      {sorted.length > 0 && (
        <DataTable
          caption={t("institutions.title")}
          columns={[t("institutions.name"), t("institutions.slug"), t("institutions.emailDomain")]}
        >
          {sorted.map((institution) => (
            <tr key={institution.id}>
              <th scope="row">
                <Link to={`/operator/institutions/${encodeURIComponent(institution.slug)}`}>
                  {localizedName(institution, lang)}
                </Link>
              </th>
              <td>
                <code>{institution.slug}</code>
              </td>
              <td>
                {institution.emailDomain ?? <span className="muted">{t("institutions.noDomain")}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
