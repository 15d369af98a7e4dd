import { useTranslation } from "react-i18next";
import { FormAlert } from "../components/FormAlert.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PdfDropZone } from "../features/verification/PdfDropZone.tsx";
import { ReportDetails } from "../features/verification/ReportDetails.tsx";
import { useDocumentRecord } from "../features/verification/useDocumentRecord.ts";
import { useVerifyUpload } from "../features/verification/useVerifyUpload.ts";
import { VerdictBanner } from "../features/verification/VerdictBanner.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";

/** Public verification: anyone drops a PDF and reads the verdict in plain words, then every check. */
export function VerifyPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
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
          <FormAlert message={upload.mutation.isError ? errorText(upload.mutation.error) : null} />
          <PdfDropZone
            inputRef={upload.inputRef}
            onFile={upload.choose}
            label={t("verify.choose")}
            pending={upload.mutation.isPending}
            error={upload.problem ? t(`verify.fileProblem.${upload.problem}`) : undefined}
          />
          <p className="verify-privacy">{t("verify.notStored")}</p>
        </div>
      )}
      <p role="status" className={upload.mutation.isPending ? "loading" : "status-empty"}>
        {upload.mutation.isPending && upload.fileName
          ? t("verify.checking", { name: upload.fileName })
          : null}
      </p>

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
