import { useTranslation } from "react-i18next";
import { PageHeading } from "../components/PageHeading.tsx";
import { PdfChooser } from "../features/verification/PdfChooser.tsx";
import { ReportDetails } from "../features/verification/ReportDetails.tsx";
import { useDocumentRecord } from "../features/verification/useDocumentRecord.ts";
import { useVerifyUpload } from "../features/verification/useVerifyUpload.ts";
import { VerdictBanner } from "../features/verification/VerdictBanner.tsx";
import { VerifyProgress } from "../features/verification/VerifyProgress.tsx";

/** Public verification: anyone drops a PDF and reads the verdict in plain words, then every check. */
export function VerifyPage() {
  const { t } = useTranslation();
  const upload = useVerifyUpload();
  const report = upload.mutation.data;
  const status = report?.document.status?.status;
  const knownToRegistry = status === "active" || status === "revoked" || status === "superseded";
  // Only a file the registry recognizes (its issued bytes) may borrow the record's title.
  const record = useDocumentRecord(report?.document.id ?? null, knownToRegistry);
  const recordData = knownToRegistry ? record.data : undefined;

  return (
    <div className="page verify-page">
      <PageHeading title={t("verify.title")} />
      <p className="lead">{t("verify.intro")}</p>

      {!report && (
        <div className="card verify-card">
          <PdfChooser upload={upload} label={t("verify.choose")} />
        </div>
      )}
      <VerifyProgress upload={upload} />

      {report && (
        <>
          <VerdictBanner report={report} record={recordData} fileName={upload.fileName ?? ""} />
          <p className="verify-again">
            <button type="button" className="button button-primary" onClick={upload.reset}>
              {t("verify.again")}
            </button>
            <span className="muted">{t("verify.notStored")}</span>
          </p>
          <ReportDetails report={report} />
        </>
      )}

      <section className="verify-independent" aria-labelledby="verify-independent-heading">
        <h2 id="verify-independent-heading">{t("verify.independentTitle")}</h2>
        <p>
          {t("verify.independentText")}{" "}
          <a href="/pki/roots.pem" download="sceau-roots.pem">
            {t("verify.rootsLink")}
          </a>
        </p>
      </section>
    </div>
  );
}
