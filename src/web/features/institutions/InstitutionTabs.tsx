import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { isInstitutionAdmin, isOperator } from "../../lib/roles.ts";
import { useCurrentUser } from "../auth/useCurrentUser.ts";

/** The sections of an institution's pages: the overview (the institution page), staff, learners, documents, document types; the audit trail, revenue, API keys and sign-on for its administrators. */
export function InstitutionTabs({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const admin = user !== null && (isOperator(user) || isInstitutionAdmin(user, slug));
  const base = `/institutions/${encodeURIComponent(slug)}`;
  const tabs = [
    { to: base, label: t("institutionTabs.overview"), end: true },
    { to: `${base}/staff`, label: t("institutionTabs.staff"), end: false },
    { to: `${base}/learners`, label: t("institutionTabs.learners"), end: false },
    { to: `${base}/documents`, label: t("institutionTabs.documents"), end: false },
    { to: `${base}/batches`, label: t("institutionTabs.batches"), end: false },
    { to: `${base}/document-types`, label: t("institutionTabs.documentTypes"), end: false },
    ...(admin ? [{ to: `${base}/audit`, label: t("institutionTabs.audit"), end: false }] : []),
    ...(admin ? [{ to: `${base}/revenue`, label: t("institutionTabs.revenue"), end: false }] : []),
    ...(admin ? [{ to: `${base}/api-keys`, label: t("institutionTabs.apiKeys"), end: false }] : []),
    ...(admin ? [{ to: `${base}/sign-on`, label: t("institutionTabs.signOn"), end: false }] : []),
  ];
  return (
    <nav className="institution-tabs" aria-label={t("institutionTabs.label")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="institution-tab">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
