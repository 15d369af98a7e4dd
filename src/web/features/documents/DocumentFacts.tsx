import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentDetail } from "../../../core/documents/documents.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime, formatDay, formatNumber, localizedName } from "../../lib/format.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the registry holds about a document: learner, type, dates, identifiers, fingerprint. */
export function DocumentFacts({ slug, document: d }: { slug: string; document: DocumentDetail }) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <dl className="details">
      <Fact label={t("documents.learner")}>
        {d.learner ? (
          <Link to={`/institutions/${encodeURIComponent(slug)}/learners/${d.learner.id}`}>
            {d.learner.givenName} {d.learner.familyName} ({d.learner.studentNumber})
          </Link>
        ) : (
          "—"
        )}
      </Fact>
      <Fact label={t("documents.type")}>
        {d.documentType ? `${d.documentType.code} — ${localizedName(d.documentType, lang)}` : "—"}
      </Fact>
      <Fact label={t("documents.issueDate")}>{d.issueDate ? formatDay(d.issueDate, lang, true) : "—"}</Fact>
      <Fact label={t("documents.signedAt")}>{formatDateTime(d.signedAt, lang)}</Fact>
      <Fact label={t("documents.externalId")}>{d.externalId ?? "—"}</Fact>
      <Fact label={t("documents.identifier")}>
        <code>{d.id}</code>
      </Fact>
      <Fact label={t("documents.size")}>
        {t("documents.bytes", { formatted: formatNumber(d.byteSize, lang) })}
      </Fact>
      <Fact label={t("documents.sha256")}>
        <code className="hash">{d.sha256}</code>
      </Fact>
    </dl>
  );
}
