import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SharedDocument } from "../../../core/sharing/sharing.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, formatDay, localizedName } from "../../lib/format.ts";
import { DocumentViewer } from "../viewer/DocumentViewer.tsx";

/** The verdict's sentence: the registry's status for the file issued, else why the file is not it. */
function useVerdictText(d: SharedDocument): string {
  const { t } = useTranslation();
  const lang = useLocale();
  const c = d.check;
  if (c.verdict === "invalid") return `${t(`verify.problem.${c.why}`)} ${t("sharing.recipient.notServed")}`;
  if (c.verdict === "unknown") return `${t(`compare.why.${c.why}`)} ${t("sharing.recipient.notServed")}`;
  return t(`sharing.recipient.verdictText.${c.verdict}`, {
    date: d.revokedAt ? formatDate(d.revokedAt, lang) : "",
  });
}

/**
 * One shared document with the verdict of the very file the recipient gets (verified by the
 * server: valid, revoked, replaced, not the file issued, or invalid with its main problem): who
 * issued it, to whom, what, when; its download when allowed and left, and the viewer (its pages
 * watermarked for the recipient) for a file the institution issued.
 */
export function SharedDocumentBanner({
  document: d,
  downloadUrl,
  watermark,
  usesLeft,
}: {
  document: SharedDocument;
  downloadUrl: string;
  watermark: string;
  /** With a view limit: views and downloads left (a download takes one). */
  usesLeft: number | null;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = `shared-doc-${d.id}`;
  const what = d.documentType ? localizedName(d.documentType, lang) : t("sharing.recipient.document");
  const verdict = d.check.verdict;
  const issued = d.check.why === null;
  const text = useVerdictText(d);
  const canDownload = d.downloadAllowed && usesLeft !== 0;
  return (
    <li className={`card section share-doc share-doc-${verdict}`} aria-labelledby={headingId}>
      <p className={`share-verdict share-verdict-${verdict}`}>
        <strong>{t(`sharing.recipient.verdict.${verdict}`)}</strong> {text}
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
        {canDownload && (
          <a className="button button-secondary" href={downloadUrl} download>
            {t("sharing.recipient.download")}
            <span className="visually-hidden"> — {d.title}</span>
          </a>
        )}
      </p>
      {issued && !d.downloadAllowed && <p className="hint">{t("sharing.recipient.noDownload")}</p>}
      {issued && d.downloadAllowed && usesLeft === 0 && (
        <p className="hint">{t("sharing.recipient.noUsesLeft")}</p>
      )}
      {issued && (
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
      )}
    </li>
  );
}
