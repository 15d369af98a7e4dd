import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentDetail } from "../../../core/documents/documents.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { DocumentStatusBadge } from "./DocumentStatusBadge.tsx";

/** The document's status in words: in force, revoked (when and why), or replaced (by which document). */
export function DocumentStatusNotice({ slug, document: d }: { slug: string; document: DocumentDetail }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const link = (id: string) => `/institutions/${encodeURIComponent(slug)}/documents/${id}`;
  return (
    <div className={`document-status document-status-${d.status}`}>
      <p>
        <DocumentStatusBadge status={d.status} /> {t(`documents.statusText.${d.status}`)}
      </p>
      {d.status === "revoked" && (
        <dl className="details">
          <div>
            <dt>{t("documents.revokedAt")}</dt>
            <dd>{d.revokedAt ? formatDateTime(d.revokedAt, lang) : "—"}</dd>
          </div>
          <div>
            <dt>{t("documents.revocationReason")}</dt>
            <dd>{d.revocationReason ?? "—"}</dd>
          </div>
        </dl>
      )}
      {d.supersededBy && (
        <p>
          {t("documents.replacedBy")} <Link to={link(d.supersededBy.id)}>{d.supersededBy.title}</Link>
        </p>
      )}
      {d.replaces.length > 0 && (
        <p>
          {t("documents.replaces")}{" "}
          {d.replaces.map((r, i) => (
            <span key={r.id}>
              {i > 0 && ", "}
              <Link to={link(r.id)}>{r.title}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
