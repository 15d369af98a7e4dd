import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/PageHeading.tsx";

/** Unknown addresses, and pages the visitor's role does not allow (never a "forbidden" page). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <PageHeading title={t("notFound.title")} />
      <p className="lead">{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}
