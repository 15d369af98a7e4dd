import { useTranslation } from "react-i18next";

/** The first focusable element: jumps over the header to the main content (`<main id="main" tabindex="-1">`). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("layout.skipToContent")}
    </a>
  );
}
