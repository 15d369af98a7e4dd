import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InboxItem } from "../../../core/organizations/organizations.types.ts";
import { inboxFileUrl } from "../../api/organizations.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, formatDateTime, localizedName } from "../../lib/format.ts";

interface InboxItemCardProps {
  slug: string;
  item: InboxItem;
  pending: boolean;
  onProcessed: (processed: boolean) => void;
}

/**
 * One received share: who sent it, when, its documents with the verdict of their stored files
 * (the registry's status once the share is unavailable) and their download, processed or not.
 */
export function InboxItemCard({ slug, item, pending, onProcessed }: InboxItemCardProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = `share-${item.shareId}`;
  return (
    <article className="card inbox-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="inbox-item-title">
        {item.learnerName}
      </h2>
      <p className="muted">
        {t("inbox.receivedOn", { date: formatDateTime(item.receivedAt, lang) })}
        {" · "}
        {item.processedAt
          ? t("inbox.processedBy", {
              name: item.processedBy?.displayName ?? "",
              date: formatDate(item.processedAt, lang),
            })
          : t("inbox.notProcessed")}
      </p>
      {item.message && <blockquote className="inbox-message">{item.message}</blockquote>}
      {!item.available && <p className="notice">{t("inbox.unavailable")}</p>}
      <ul className="inbox-documents">
        {item.documents.map((d) => (
          <li key={d.id}>
            <span className="inbox-document-title">{d.title}</span>
            <span className="muted">
              {" — "}
              {localizedName(d.institution, lang)}
            </span>
            {d.check ? (
              <span className={`badge ${d.check.verdict === "valid" ? "badge-active" : "badge-disabled"}`}>
                {t(`inbox.verdict.${d.check.verdict}`)}
              </span>
            ) : (
              <span className={`badge ${d.status === "active" ? "badge-active" : "badge-disabled"}`}>
                {t(`inbox.status.${d.status}`)}
              </span>
            )}
            {d.check?.verdict === "invalid" && (
              <span className="hint"> {t(`verify.problem.${d.check.why}`)}</span>
            )}
            {d.check?.verdict === "unknown" && (
              <span className="hint"> {t(`compare.why.${d.check.why}`)}</span>
            )}
            <span className="inbox-document-actions">
              <Link to={`/v/${d.id}`}>{t("inbox.verification", { title: d.title })}</Link>
              {item.available && item.downloadAllowed && d.check?.why === null && (
                <a href={inboxFileUrl(slug, item.shareId, d.id)} download>
                  {t("inbox.download", { title: d.title })}
                </a>
              )}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-secondary"
        disabled={pending}
        onClick={() => onProcessed(!item.processedAt)}
      >
        {item.processedAt ? t("inbox.markUnprocessed") : t("inbox.markProcessed")}
      </button>
    </article>
  );
}
