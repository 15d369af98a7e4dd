import { useTranslation } from "react-i18next";
import type { InvitationPreview } from "../../../core/institutions/institutions.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, localizedName } from "../../lib/format.ts";
import { InstitutionBrand } from "../institutions/InstitutionBrand.tsx";

/** Who invites, for which role, to which address. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const role = t(`roles.${invitation.role}`);
  return (
    <section className="card invitation-summary" aria-labelledby="invitation-from">
      <InstitutionBrand institution={invitation.institution} size="large" />
      <p id="invitation-from" className="lead">
        {t("invitation.invitedBy", { institution: localizedName(invitation.institution, lang), role })}
      </p>
      <dl className="details">
        <div>
          <dt>{t("invitation.email")}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t("invitation.role")}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t("invitation.expires")}</dt>
          <dd>{formatDateTime(invitation.expiresAt, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}
