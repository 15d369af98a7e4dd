import { useTranslation } from "react-i18next";
import { PageHeading } from "../components/PageHeading.tsx";
import { EmailsSection } from "../features/account/EmailsSection.tsx";
import { PasswordForm } from "../features/account/PasswordForm.tsx";
import { ProfileForm } from "../features/account/ProfileForm.tsx";
import { SessionsSection } from "../features/account/SessionsSection.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { LinkedAccountsSection } from "../features/sign-on/LinkedAccountsSection.tsx";
import { PrivacySection } from "../features/two-factor/PrivacySection.tsx";
import { TwoFactorSection } from "../features/two-factor/TwoFactorSection.tsx";
import { MembershipList } from "../features/users/MembershipList.tsx";

/** The signed-in person's own account: profile, password, sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  if (!user) return null;
  return (
    <div className="page">
      <PageHeading title={t("account.title")} />
      <p className="lead">{t("account.signedInAs", { email: user.email })}</p>
      {user.memberships.length > 0 && (
        <section className="section" aria-labelledby="account-roles">
          <h2 id="account-roles">{t("account.roles")}</h2>
          <MembershipList memberships={user.memberships} />
        </section>
      )}
      <div className="columns">
        <ProfileForm user={user} />
        <PasswordForm />
      </div>
      <EmailsSection />
      <TwoFactorSection />
      <LinkedAccountsSection />
      <SessionsSection />
      <PrivacySection />
    </div>
  );
}
