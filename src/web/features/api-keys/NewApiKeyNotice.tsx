import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface NewApiKeyNoticeProps {
  name: string;
  apiKey: string;
  onDone: () => void;
}

/** The new key, shown this once, with a copy button and the warning that it will not be shown again. */
export function NewApiKeyNotice({ name, apiKey, onDone }: NewApiKeyNoticeProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <section className="card subsection new-api-key" aria-labelledby="new-api-key-title">
      <h3 id="new-api-key-title" ref={headingRef} tabIndex={-1}>
        {t("apiKeys.createdTitle", { name })}
      </h3>
      <p className="alert alert-warning">{t("apiKeys.shownOnce")}</p>
      <label htmlFor="new-api-key-value">{t("apiKeys.keyLabel")}</label>
      <input
        id="new-api-key-value"
        className="input input-mono"
        readOnly
        value={apiKey}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t("apiKeys.copy")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("apiKeys.done")}
        </button>
      </div>
      <div role="status">
        {copied === "yes" && t("apiKeys.copied")}
        {copied === "failed" && t("apiKeys.copyFailed")}
      </div>
    </section>
  );
}
