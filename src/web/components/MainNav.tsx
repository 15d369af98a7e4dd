import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { useMeta } from "../hooks/useMeta.ts";
import { localizedName } from "../lib/format.ts";
import { institutionMemberships, isLearnerOnly, isOperator } from "../lib/roles.ts";

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The links of the header: the user's consoles by role, then the public verifier for everyone. */
export function MainNav({ user }: { user: CurrentUser | null }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const meta = useMeta();

  const items: NavItem[] = [];
  if (user && isOperator(user)) {
    items.push({ to: "/operator/institutions", label: t("nav.institutions") });
    items.push({ to: "/operator/organizations", label: t("nav.organizations") });
    items.push({ to: "/operator/users", label: t("nav.users") });
    items.push({ to: "/operator/audit", label: t("nav.audit") });
    items.push({ to: "/operator/sign-on-providers", label: t("nav.signOnProviders") });
  }
  for (const membership of user ? institutionMemberships(user) : []) {
    if (!membership.institution) continue;
    items.push({
      to: `/institutions/${encodeURIComponent(membership.institution.slug)}`,
      label: localizedName(membership.institution, lang),
    });
  }
  if (user?.memberships.some((m) => m.organizationId))
    items.push({ to: "/organizations", label: t("nav.inbox") });
  if (user && isLearnerOnly(user)) items.push({ to: "/wallet", label: t("nav.wallet") });
  items.push({ to: "/verify", label: t("nav.verify") });
  if (meta.data?.devOutbox) items.push({ to: "/dev/outbox", label: t("nav.devOutbox") });

  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul className="main-nav-list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
