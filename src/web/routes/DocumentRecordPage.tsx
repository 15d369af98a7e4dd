import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { InstitutionBrand } from "../features/institutions/InstitutionBrand.tsx";
import { RecordCompare } from "../features/verification/RecordCompare.tsx";
import { RecordStatus } from "../features/verification/RecordStatus.tsx";
import { useDocumentRecord } from "../features/verification/useDocumentRecord.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDateTime, localizedName } from "../lib/format.ts";

/** /v/:id, the QR code's target: a document's public registry record, and a way to compare a copy with it. */
export function DocumentRecordPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const { id = "" } = useParams();
  const record = useDocumentRecord(id);

  if (record.error instanceof ApiError && record.error.status === 404) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("record.notFoundTitle")} />
        <p className="lead">{t("record.notFoundBody")}</p>
        <p>
          <Link to="/verify">{t("record.verifyInstead")}</Link>
        </p>
      </div>
    );
  }
  const doc = record.data;
  if (!doc) {
    return (
      <div className="page">
        <PageHeading title={t("record.loadingTitle")} />
        {record.isPending && <Loading />}
        {record.isError && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      </div>
    );
  }

  return (
    <div className="page record-page">
      <p className="record-eyebrow">{t("record.eyebrow")}</p>
      <article className="card record-card">
        <InstitutionBrand institution={doc.institution} size="large" />
        <div className="record-body">
          <PageHeading title={doc.title} />
          <RecordStatus record={doc} />
          <dl className="details">
            <div>
              <dt>{t("record.institution")}</dt>
              <dd>{localizedName(doc.institution, lang)}</dd>
            </div>
            <div>
              <dt>{t("verify.signedAt")}</dt>
              <dd>{formatDateTime(doc.signedAt, lang)}</dd>
            </div>
            <div>
              <dt>{t("record.identifier")}</dt>
              <dd>
                <code className="hash">{doc.id}</code>
              </dd>
            </div>
            <div className="details-wide">
              <dt>{t("record.sha256")}</dt>
              <dd>
                <code className="hash">{doc.sha256}</code>
                <span className="field-hint record-hash-hint">{t("record.sha256Hint")}</span>
              </dd>
            </div>
          </dl>
        </div>
      </article>
      <RecordCompare record={doc} />
    </div>
  );
}
