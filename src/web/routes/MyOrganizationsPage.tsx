import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { listMyOrganizations } from "../api/organizations.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { OrganizationStaff } from "../features/organizations/OrganizationStaff.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/**
 * The organizations whose staff the person belongs to, each with its inbox; for those the person
 * administers, their staff and pending invitations (invite, cancel, remove).
 */
export function MyOrganizationsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const orgs = useQuery({ queryKey: ["organizations", "mine"], queryFn: listMyOrganizations });
  const { user } = useCurrentUser();
  const administered = (orgs.data ?? []).filter((o) =>
    user?.memberships.some((m) => m.organizationId === o.id && m.role === "organization_admin"),
  );
  return (
    <div className="page">
      <PageHeading title={t("inbox.myOrganizations")} />
      {orgs.isPending && <Loading />}
      {orgs.isError && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data && orgs.data.length === 0 && <p className="empty">{t("inbox.noOrganizations")}</p>}
      <ul className="link-list">
        {orgs.data?.map((o) => (
          <li key={o.id}>
            <Link to={`/organizations/${encodeURIComponent(o.slug)}/inbox`}>
              {t("inbox.pageTitle", { name: localizedName(o, lang) })}
            </Link>
          </li>
        ))}
      </ul>
      {administered.map((o) => (
        <OrganizationStaff
          key={o.id}
          slug={o.slug}
          title={t("organizations.staffOf", { name: localizedName(o, lang) })}
        />
      ))}
    </div>
  );
}
