import { useTranslation } from "react-i18next";
import { useMeta } from "../hooks/useMeta.ts";

export function SiteFooter() {
  const { t } = useTranslation();
  const meta = useMeta();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t("layout.footer.tagline")}</p>
        <p className="site-footer-meta">
          {t("layout.footer.license")}
          {meta.data?.version && <> · {t("layout.footer.version", { version: meta.data.version })}</>}
        </p>
      </div>
    </footer>
  );
}
