import { useId } from "react";
import { useTranslation } from "react-i18next";
import type {
  SignatureReport,
  VerificationCheck,
  VerificationReport,
} from "../../../core/verification/verification.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { CheckItem } from "./CheckItem.tsx";

type Level = 2 | 3;

/** Every check of a report, the file's first, then each signature's with who signed and when. */
export function ReportDetails({ report, level = 2 }: { report: VerificationReport; level?: Level }) {
  const { t } = useTranslation();
  const headingId = useId();
  const H = `h${level}` as const;
  const Sub = `h${level + 1}` as "h3" | "h4";
  return (
    <section className="report-details" aria-labelledby={headingId}>
      <H id={headingId}>{t("verify.detailsTitle")}</H>
      <Sub>{t("verify.fileChecks")}</Sub>
      <CheckList checks={report.checks} />
      {report.signatures.map((signature, index) => (
        <SignatureDetails
          // biome-ignore lint/suspicious/noArrayIndexKey: signatures have no id; their order in a report never changes.
          key={index}
          signature={signature}
          index={index}
          count={report.signatures.length}
          Heading={Sub}
        />
      ))}
    </section>
  );
}

function SignatureDetails({
  signature,
  index,
  count,
  Heading,
}: {
  signature: SignatureReport;
  index: number;
  count: number;
  Heading: "h3" | "h4";
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const isTimestamp = signature.kind === "document_timestamp";
  const kind = isTimestamp ? "timestampTitle" : "signatureTitle";
  const { signer, timestamp } = signature;
  return (
    <div className="signature-details">
      <Heading>{t(`verify.${kind}`, { n: index + 1, count })}</Heading>
      <dl className="details details-compact">
        {/* A document timestamp has no signer of its own: its TSA and time are the timestamp line. */}
        {isTimestamp ? null : (
          <>
            <div>
              <dt>{t("verify.signer")}</dt>
              <dd>{signer.commonName ?? t("verify.notStated")}</dd>
            </div>
            <div>
              <dt>{t("verify.organization")}</dt>
              <dd>{signer.organization ?? t("verify.notStated")}</dd>
            </div>
            <div>
              <dt>{t("verify.signedAt")}</dt>
              <dd>{signature.signedAt ? formatDateTime(signature.signedAt, lang) : t("verify.notStated")}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t("verify.timestamp")}</dt>
          <dd>
            {timestamp
              ? t("verify.timestampBy", {
                  time: formatDateTime(timestamp.time, lang),
                  tsa: timestamp.tsa ?? t("verify.notStated"),
                })
              : t("verify.noTimestamp")}
          </dd>
        </div>
        <div>
          <dt>{t("verify.coverage")}</dt>
          <dd>{signature.coversWholeDocument ? t("verify.coversAll") : t("verify.coversPart")}</dd>
        </div>
        {isTimestamp ? null : (
          <>
            <div>
              <dt>{t("verify.certificateIssuer")}</dt>
              <dd>{signer.issuer ?? t("verify.notStated")}</dd>
            </div>
            <div>
              <dt>{t("verify.serialNumber")}</dt>
              <dd>
                {signer.serialNumber ? (
                  <code className="hash">{signer.serialNumber}</code>
                ) : (
                  t("verify.notStated")
                )}
              </dd>
            </div>
          </>
        )}
      </dl>
      <CheckList checks={signature.checks} />
    </div>
  );
}

function CheckList({ checks }: { checks: VerificationCheck[] }) {
  return (
    <ul className="check-list">
      {checks.map((check, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: checks have no id of their own; their order never changes.
        <CheckItem key={index} check={check} />
      ))}
    </ul>
  );
}
