import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SharedDocument } from "../../../core/sharing/sharing.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, formatDay, localizedName } from "../../lib/format.ts";
import { DocumentViewer } from "../viewer/DocumentViewer.tsx";

/**
 * One shared document with its verdict in plain words: who issued it, to whom, what, when, and
 * whether it holds; its download when allowed, and the viewer (its pages watermarked for the recipient).
 */
export function SharedDocumentBanner({
  document: d,
  downloadUrl,
  watermark,
}: {
  document: SharedDocument;
  downloadUrl: string;
  watermark: string;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = `shared-doc-${d.id}`;
  const what = d.documentType ? localizedName(d.documentType, lang) : t("sharing.recipient.document");
  const verdict = d.status === "active" ? "valid" : d.status === "revoked" ? "revoked" : "superseded";
  return (
    <li className={`card section share-doc share-doc-${verdict}`} aria-labelledby={headingId}>
      <p className={`share-verdict share-verdict-${verdict}`}>
        <strong>{t(`sharing.recipient.verdict.${verdict}`)}</strong>{" "}
        {t(`sharing.recipient.verdictText.${verdict}`, {
          date: d.revokedAt ? formatDate(d.revokedAt, lang) : "",
        })}
      </p>
      <h2 id={headingId}>{d.title}</h2>
      <p>
        {t("sharing.recipient.summary", {
          institution: localizedName(d.institution, lang),
          learner: d.learnerName,
          what,
          date: d.issueDate ? formatDay(d.issueDate, lang, true) : formatDate(d.signedAt, lang),
        })}
      </p>
      <p className="share-doc-actions">
        <Link to={`/v/${encodeURIComponent(d.id)}`}>
          {t("sharing.recipient.record")}
          <span className="visually-hidden"> — {d.title}</span>
        </Link>
        {d.supersededBy && (
          <Link to={`/v/${encodeURIComponent(d.supersededBy)}`}>{t("sharing.recipient.replacement")}</Link>
        )}
        {d.downloadAllowed && (
          <a className="button button-secondary" href={downloadUrl} download>
            {t("sharing.recipient.download")}
            <span className="visually-hidden"> — {d.title}</span>
          </a>
        )}
      </p>
      {!d.downloadAllowed && <p className="hint">{t("sharing.recipient.noDownload")}</p>}
      <DocumentViewer
        url={`${downloadUrl}?view=1`}
        title={d.title}
        watermark={watermark}
        aside={
          <p className={`share-verdict share-verdict-${verdict}`}>
            <strong>{t(`sharing.recipient.verdict.${verdict}`)}</strong>
          </p>
        }
      />
    </li>
  );
}
