import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentVerificationRecord } from "../../../core/documents/documents.types.ts";
import type { VerificationReport } from "../../../core/verification/verification.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { StatusIcon } from "./StatusIcon.tsx";
import { mainProblem, modificationReasons, type Verdict, verdictOf } from "./verdict.ts";

const ICON = {
  valid: "passed",
  invalid: "failed",
  revoked: "failed",
  superseded: "warning",
  unknown: "warning",
} as const;

interface VerdictBannerProps {
  report: VerificationReport;
  /** The registry record of the document, once loaded (for its title). */
  record: DocumentVerificationRecord | undefined;
  fileName: string;
}

/**
 * The verdict in plain words: valid, not valid, revoked, superseded or unknown to the registry;
 * then who issued the document, what it is, when it was signed and its status. Its heading takes
 * the keyboard focus when it appears, so that screen readers announce the result.
 */
export function VerdictBanner({ report, record, fileName }: VerdictBannerProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verdict: Verdict = verdictOf(report);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const signature = report.signatures.find((s) => s.kind === "signature") ?? report.signatures[0];
  const signer = signature?.signer;
  const issuer =
    signer?.commonName && signer.organization && signer.organization !== signer.commonName
      ? `${signer.commonName} (${signer.organization})`
      : (signer?.commonName ?? signer?.organization ?? null);
  const signedAt = signature?.signedAt ?? record?.signedAt ?? null;
  const status = report.document.status;
  const problem = verdict === "invalid" ? mainProblem(report) : null;
  const changes = problem === "modified" ? modificationReasons(report) : [];

  return (
    <section className={`verdict verdict-${verdict}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="verdict-heading">
        <StatusIcon status={ICON[verdict]} className="verdict-icon" />
        <span>{t(`verify.verdict.${verdict}`)}</span>
      </h2>
      <p className="verdict-file">{t("verify.checkedFile", { name: fileName })}</p>
      <p className="verdict-summary">
        {problem
          ? t(`verify.problem.${problem}`)
          : t(`verify.summary.${verdict as Exclude<Verdict, "invalid">}`)}
      </p>
      {changes.length > 0 && (
        <ul className="verdict-reasons" aria-label={t("verify.changesFound")}>
          {changes.map((c) => (
            <li key={c.message.en}>{c.message[lang]}</li>
          ))}
        </ul>
      )}
      {verdict !== "valid" && (
        <p className="verdict-advice">
          <strong>{t("verify.whatToDo")}</strong>{" "}
          {t(`verify.advice.${problem ?? (verdict as "revoked" | "superseded" | "unknown")}`)}
        </p>
      )}
      {verdict !== "invalid" && (
        <dl className="verdict-facts">
          <div>
            <dt>{t("verify.issuedBy")}</dt>
            <dd>{issuer ?? t("verify.notStated")}</dd>
          </div>
          {record && (
            <div>
              <dt>{t("verify.document")}</dt>
              <dd>{record.title}</dd>
            </div>
          )}
          <div>
            <dt>{t("verify.signedAt")}</dt>
            <dd>{signedAt ? formatDateTime(signedAt, lang) : t("verify.notStated")}</dd>
          </div>
          {report.longTerm?.level && (
            <div>
              <dt>{t("verify.longTermLevel")}</dt>
              <dd>{t(`verify.levels.${report.longTerm.level}`)}</dd>
            </div>
          )}
          {report.longTerm?.protectedUntil && (
            <div>
              <dt>{t("verify.protectedUntil")}</dt>
              <dd>{formatDate(report.longTerm.protectedUntil, lang)}</dd>
            </div>
          )}
          <div className="details-wide">
            <dt>{t("verify.registryStatus")}</dt>
            <dd>
              {status?.status === "revoked" ? (
                <>
                  {status.revokedAt
                    ? t("verify.revokedOn", { date: formatDate(status.revokedAt, lang) })
                    : t("record.status.revoked")}
                  {status.reason && (
                    <>
                      <br />
                      {t("verify.reason", { reason: status.reason })}
                    </>
                  )}
                </>
              ) : status?.status === "superseded" ? (
                <>
                  {t("record.status.superseded")}
                  {status.supersededBy && (
                    <>
                      {" "}
                      <Link to={`/v/${encodeURIComponent(status.supersededBy)}`}>
                        {t("verify.seeNewVersion")}
                      </Link>
                    </>
                  )}
                </>
              ) : status?.status === "active" ? (
                t("record.status.active")
              ) : (
                t("verify.notInRegistry")
              )}
            </dd>
          </div>
        </dl>
      )}
      {record && (
        <p className="verdict-record-link">
          <Link to={`/v/${encodeURIComponent(record.id)}`}>{t("verify.seeRecord")}</Link>
        </p>
      )}
    </section>
  );
}
