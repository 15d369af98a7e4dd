import { useTranslation } from "react-i18next";
import type { Membership } from "../../../core/accounts/accounts.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";

/** Roles as "Role — Institution", one per line. */
export function MembershipList({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  if (memberships.length === 0) return <span className="muted">{t("users.noRoles")}</span>;
  return (
    <ul className="plain-list">
      {memberships.map((membership) => (
        <li key={membership.id}>
          {membership.institution
            ? t("users.roleAt", {
                role: t(`roles.${membership.role}`),
                place: localizedName(membership.institution, lang),
              })
            : t(`roles.${membership.role}`)}
        </li>
      ))}
    </ul>
  );
}
