import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClaimPreview } from "../../core/claims/claims.types.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { ClaimAccountForm } from "../features/claims/ClaimAccountForm.tsx";
import { ClaimCodeForm } from "../features/claims/ClaimCodeForm.tsx";
import { ClaimExistingAccount } from "../features/claims/ClaimExistingAccount.tsx";
import { ClaimSummary } from "../features/claims/ClaimSummary.tsx";
import { readPendingClaim } from "../features/claims/pendingClaim.ts";
import { useErrorText } from "../hooks/useErrorText.ts";
import { readHashCode } from "../lib/accessCode.ts";
import { clearHash } from "../lib/hashToken.ts";

/**
 * Where the emailed claim link leads: the access code (from the `#code=` fragment, which never
 * reaches the server) and the claim password, then the learner's own account, then "check your email".
 */
export function ClaimPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [initialCode] = useState(() => readHashCode(window.location.hash) ?? "");
  // A claim checked before the learner went to sign in to an existing account comes back here.
  const [claim, setClaim] = useState<ClaimPreview | null>(() => readPendingClaim());
  const { user } = useCurrentUser();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [expired, setExpired] = useState<unknown>(null);
  useEffect(() => {
    clearHash();
  }, []);
  const onExpired = (error: unknown) => {
    setExpired(error);
    setClaim(null);
  };

  if (sentTo) {
    return (
      <div className="page page-narrow">
        <PageHeading key="sent" title={t("claim.sentTitle")} takeFocus />
        <p className="lead">{t("claim.sentBody", { email: sentTo })}</p>
        <p>{t("claim.sentHelp")}</p>
        <p>
          <Link to="/sign-in">{t("claim.signIn")}</Link>
        </p>
      </div>
    );
  }
  if (claim) {
    return (
      <div className="page page-narrow">
        <PageHeading key="account" title={t("claim.accountTitle")} takeFocus />
        <ClaimSummary claim={claim} />
        {user && <ClaimExistingAccount claim={claim} onExpired={onExpired} />}
        <ClaimAccountForm claim={claim} onCreated={setSentTo} onExpired={onExpired} />
        {!user && <ClaimExistingAccount claim={claim} onExpired={onExpired} />}
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <PageHeading key="code" title={t("claim.title")} takeFocus={expired !== null} />
      <p className="lead">{t("claim.intro")}</p>
      <FormAlert message={expired ? errorText(expired) : null} />
      <ClaimCodeForm initialCode={initialCode} onChecked={setClaim} />
      <p>
        {t("claim.haveAccount")} <Link to="/sign-in">{t("claim.signIn")}</Link>
      </p>
    </div>
  );
}
