import { useTranslation } from "react-i18next";
import { useErrorText } from "../hooks/useErrorText.ts";

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shown when data could not be loaded, with a way to try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div role="alert" className="alert alert-error">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
