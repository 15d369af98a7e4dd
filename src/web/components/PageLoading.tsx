import { useTranslation } from "react-i18next";

/** What the main area shows while a page's code arrives: a status line, announced politely. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="loading" role="status">
        {t("common.loadingPage")}
      </p>
    </div>
  );
}
