import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { PageHeading } from "../components/PageHeading.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** What a page shows when it fails to render. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="page page-narrow">
      <PageHeading title={t("routeError.title")} />
      <p className="lead">{t("routeError.body")}</p>
      <p>
        <Link to="/" reloadDocument>
          {t("routeError.home")}
        </Link>
      </p>
    </div>
  );
}
