import { useTranslation } from "react-i18next";
import { switchLocale } from "../i18n/i18n.ts";
import { isLocale } from "../i18n/locale.ts";

/**
 * The header's language switch, named in the other language as bilingual sites in Canada do:
 * "English" while in French, "Français" while in English.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t("layout.otherLanguage.code");
  return (
    <button
      type="button"
      className="header-link language-switch"
      lang={target}
      onClick={() => {
        if (isLocale(target)) void switchLocale(i18n, target);
      }}
    >
      {t("layout.otherLanguage.name")}
    </button>
  );
}
