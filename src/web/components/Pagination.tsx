import { useTranslation } from "react-i18next";

interface PaginationProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / next page buttons with "Page n of m". Hidden when everything fits on one page. */
export function Pagination({ page, pages, onPage }: PaginationProps) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t("pagination.previous")}
      </button>
      <span className="pagination-current">{t("pagination.current", { page, pages })}</span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("pagination.next")}
      </button>
    </nav>
  );
}
