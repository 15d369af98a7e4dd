import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { AccountMenu } from "./AccountMenu.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { MainNav } from "./MainNav.tsx";
import { SealMark } from "./SealMark.tsx";

/** Pages that already offer signing in; the header does not repeat the link there. */
const SIGN_IN_PAGES = new Set(["/", "/sign-in"]);

export function SiteHeader() {
  const { t } = useTranslation();
  const { user, isPending } = useCurrentUser();
  const { pathname } = useLocation();
  return (
    <header className="site-header">
      <div className="site-header-bar">
        <Link to="/" className="brand">
          <SealMark />
          <span className="brand-name">{t("layout.productName")}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {user && <AccountMenu user={user} />}
          {!user && !isPending && !SIGN_IN_PAGES.has(pathname) && (
            <Link to="/sign-in" className="header-link">
              {t("layout.signIn")}
            </Link>
          )}
        </div>
      </div>
      <MainNav user={user} />
    </header>
  );
}
