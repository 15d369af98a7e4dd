import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { listOperatorOrganizations } from "../api/organizations.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { TextField } from "../components/TextField.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** The operator's directory of organizations, archived ones included. */
export function OperatorOrganizationsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const orgs = useQuery({
    queryKey: ["organizations", "operator", q],
    queryFn: () => listOperatorOrganizations(q),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  return (
    <div className="page">
      <div className="page-header">
        <PageHeading title={t("organizations.title")} />
        <Link to="/operator/organizations/new" className="button button-primary">
          {t("organizations.new")}
        </Link>
      </div>
      <form className="search-form" onSubmit={submit} aria-label={t("organizations.search")}>
        <TextField
          label={t("organizations.search")}
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button-secondary">
          {t("organizations.searchButton")}
        </button>
      </form>
      {orgs.isPending && <Loading />}
      {orgs.isError && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data && orgs.data.length === 0 && <p className="empty">{t("organizations.empty")}</p>}
      {orgs.data && orgs.data.length > 0 && (
        <DataTable
          caption={t("organizations.title")}
          columns={[
            t("organizations.name"),
            t("organizations.kind"),
            t("organizations.country"),
            t("organizations.state"),
          ]}
        >
          {orgs.data.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link to={`/operator/organizations/${encodeURIComponent(o.slug)}`}>
                  {localizedName(o, lang)}
                </Link>
              </th>
              <td>{t(`organizations.kinds.${o.kind}`)}</td>
              <td>{o.country}</td>
              <td>{o.archivedAt ? t("organizations.archived") : t("organizations.active")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
