import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getOrganization, updateOrganization } from "../api/organizations.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { OrganizationForm } from "../features/organizations/OrganizationForm.tsx";
import { OrganizationLogo } from "../features/organizations/OrganizationLogo.tsx";
import { OrganizationStaff } from "../features/organizations/OrganizationStaff.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** The operator edits an organization: its details, logo, staff invitations, archive or restore. */
export function EditOrganizationPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const slug = useParams().slug ?? "";
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ["organization", slug], queryFn: () => getOrganization(slug) });
  const archive = useMutation({
    mutationFn: (archived: boolean) => updateOrganization(slug, { archived }),
    onSuccess: (saved) => {
      queryClient.setQueryData(["organization", slug], saved);
      void queryClient.invalidateQueries({ queryKey: ["organizations"] });
    },
  });
  const o = org.data;
  return (
    <div className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/operator/organizations">{t("organizations.backToList")}</Link>
      </p>
      <PageHeading title={o ? localizedName(o, lang) : t("organizations.title")} />
      {org.isPending && <Loading />}
      {org.isError && <QueryError error={org.error} onRetry={() => void org.refetch()} />}
      {o && (
        <>
          {o.archivedAt && <p className="notice">{t("organizations.archivedNotice")}</p>}
          <div className="card">
            <OrganizationForm key={o.updatedAt} organization={o} onSaved={() => undefined} />
          </div>
          <OrganizationLogo organization={o} />
          {!o.archivedAt && <OrganizationStaff slug={o.slug} />}
          <section className="card" aria-labelledby="archive-heading">
            <h2 id="archive-heading">
              {o.archivedAt ? t("organizations.restore") : t("organizations.archive")}
            </h2>
            <p>{o.archivedAt ? t("organizations.restoreIntro") : t("organizations.archiveIntro")}</p>
            <button
              type="button"
              className="button button-secondary"
              disabled={archive.isPending}
              onClick={() => archive.mutate(!o.archivedAt)}
            >
              {o.archivedAt ? t("organizations.restore") : t("organizations.archive")}
            </button>
          </section>
        </>
      )}
    </div>
  );
}
