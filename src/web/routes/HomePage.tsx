import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { SealMark } from "../components/SealMark.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { consolePath } from "../lib/roles.ts";

/** What Sceau is, and the way in. Signed-in users go straight to their console. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, isPending } = useCurrentUser();
  if (isPending) return <Loading />;
  if (user) return <Navigate to={consolePath(user)} replace />;
  return (
    <div className="page home">
      <div className="home-hero">
        <SealMark className="home-seal" />
        <div>
          <PageHeading title={t("home.title")} />
          <p className="lead">{t("home.intro1")}</p>
          <p className="lead">{t("home.intro2")}</p>
          <p className="home-actions">
            <Link to="/verify" className="button button-primary button-large">
              {t("home.verify")}
            </Link>
            <Link to="/sign-in" className="button button-secondary button-large">
              {t("home.signIn")}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
