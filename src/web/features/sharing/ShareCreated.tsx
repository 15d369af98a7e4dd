import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CreatedShare } from "../../../core/sharing/sharing.types.ts";

/** The on-page confirmation of a new share, with its link (shown once) and a copy button. */
export function ShareCreated({ created }: { created: CreatedShare }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!created.link) return;
    await navigator.clipboard.writeText(created.link);
    setCopied(true);
  };
  return (
    <section className="card section" aria-labelledby="share-created-title">
      <h2 id="share-created-title" tabIndex={-1}>
        {t(`sharing.created.title.${created.share.channel}`)}
      </h2>
      {created.share.recipientEmail && (
        <p>{t("sharing.created.sentTo", { email: created.share.recipientEmail })}</p>
      )}
      {created.link && (
        <>
          <p>{t("sharing.created.linkOnce")}</p>
          <p>
            <label htmlFor="share-link">{t("sharing.created.link")}</label>
            <input
              id="share-link"
              className="input"
              readOnly
              value={created.link}
              onFocus={(e) => e.target.select()}
            />
          </p>
          <p>
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              {t("sharing.created.copy")}
            </button>
          </p>
          <p role="status">{copied ? t("sharing.created.copied") : ""}</p>
        </>
      )}
      <p>
        <Link to="/wallet/shares">{t("sharing.created.history")}</Link>
      </p>
    </section>
  );
}
