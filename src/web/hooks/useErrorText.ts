import { useTranslation } from "react-i18next";
import { ApiError, NETWORK_ERROR } from "../api/http.ts";
import { useLocale } from "./useLocale.ts";

/** Turns any error into a sentence in the current language: the API's own message when there is one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const lang = useLocale();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.messages) return error.messages[lang];
      if (error.code === NETWORK_ERROR) return t("errors.network");
    }
    return t("errors.unexpected");
  };
}
