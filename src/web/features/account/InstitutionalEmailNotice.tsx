import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { listAccountEmails } from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";

/**
 * A warning while every way left to sign in depends on an institutional address that may stop
 * working after graduation: it suggests adding a personal address. On the profile (no link) and
 * where the person lands after signing in (with a link to the profile).
 */
export function InstitutionalEmailNotice({ linkToAccount = false }: { linkToAccount?: boolean }) {
  const { t } = useTranslation();
  const emails = useQuery({ queryKey: queryKeys.accountEmails, queryFn: listAccountEmails });
  if (!emails.data?.onlyInstitutional) return null;
  return (
    <div className="alert alert-warning" role="note" aria-labelledby="institutional-notice-title">
      <p>
        <strong id="institutional-notice-title">{t("account.emails.warningTitle")}</strong>{" "}
        {t("account.emails.warningBody")}
      </p>
      {linkToAccount && (
        <p>
          <Link to="/account#emails-heading">{t("account.emails.warningAction")}</Link>
        </p>
      )}
    </div>
  );
}
