import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentVerificationRecord } from "../../../core/documents/documents.types.ts";
import type { VerificationReport } from "../../../core/verification/verification.types.ts";
import { PdfChooser } from "./PdfChooser.tsx";
import { ReportDetails } from "./ReportDetails.tsx";
import { StatusIcon } from "./StatusIcon.tsx";
import { useVerifyUpload } from "./useVerifyUpload.ts";
import { VerifyProgress } from "./VerifyProgress.tsx";
import { compareWithRecord } from "./verdict.ts";

/** "Compare a copy with this record": verifies a file and says whether it is this very document. */
export function RecordCompare({ record }: { record: DocumentVerificationRecord }) {
  const { t } = useTranslation();
  const headingId = useId();
  const upload = useVerifyUpload();
  const report = upload.mutation.data;

  return (
    <section className="card section record-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("compare.title")}</h2>
      <p>{t("compare.intro")}</p>
      {!report && <PdfChooser upload={upload} label={t("compare.choose")} />}
      <VerifyProgress upload={upload} />
      {report && (
        <>
          <CompareResult report={report} record={record} fileName={upload.fileName ?? ""} />
          <p className="verify-again">
            <button type="button" className="button button-secondary" onClick={upload.reset}>
              {t("compare.again")}
            </button>
          </p>
          <details className="report-disclosure">
            <summary>{t("compare.showDetails")}</summary>
            <ReportDetails report={report} level={3} />
          </details>
        </>
      )}
    </section>
  );
}

function CompareResult({
  report,
  record,
  fileName,
}: {
  report: VerificationReport;
  record: DocumentVerificationRecord;
  fileName: string;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const comparison = compareWithRecord(report, record.id);
  const otherId = report.document.id;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const tone = comparison.matches ? (record.status === "active" ? "valid" : record.status) : "invalid";
  return (
    <div className={`verdict verdict-${tone}`}>
      <h3 ref={headingRef} tabIndex={-1} className="verdict-heading">
        <StatusIcon status={comparison.matches ? "passed" : "failed"} className="verdict-icon" />
        <span>{comparison.matches ? t("compare.matches") : t("compare.differs")}</span>
      </h3>
      <p className="verdict-file">{t("verify.checkedFile", { name: fileName })}</p>
      {comparison.matches ? (
        <p className="verdict-summary">{t(`compare.matchesText.${record.status}`)}</p>
      ) : (
        <>
          <p className="verdict-summary">
            {comparison.why === "otherDocument" ||
            comparison.why === "notSceau" ||
            comparison.why === "notIssuedFile"
              ? t(`compare.why.${comparison.why}`)
              : t(`verify.problem.${comparison.why}`)}
          </p>
          {comparison.why === "otherDocument" && otherId && (
            <p>
              <Link to={`/v/${encodeURIComponent(otherId)}`}>{t("compare.seeOther")}</Link>
            </p>
          )}
          <p className="verdict-advice">
            <strong>{t("verify.whatToDo")}</strong> {t("compare.advice")}
          </p>
        </>
      )}
    </div>
  );
}
