import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { WalletDocument } from "../../../core/wallet/wallet.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, formatDay, localizedName } from "../../lib/format.ts";
import { DocumentStatusBadge } from "../documents/DocumentStatusBadge.tsx";
import { WalletDocumentAccess } from "./WalletDocumentAccess.tsx";

/** One document of the wallet: what it is, who issued it, whether it is in force, and its public record. */
export function WalletDocumentCard({
  document: d,
  replacementTitle,
}: {
  document: WalletDocument;
  replacementTitle: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = `wallet-doc-${d.id}`;
  const statusText =
    d.status === "revoked"
      ? t("wallet.statusText.revoked", { date: d.revokedAt ? formatDate(d.revokedAt, lang) : "—" })
      : d.status === "superseded" && replacementTitle
        ? t("wallet.statusText.supersededBy", { title: replacementTitle })
        : t(`wallet.statusText.${d.status}`);
  return (
    <li className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>{d.title}</h2>
      <dl className="details">
        <div>
          <dt>{t("wallet.institution")}</dt>
          <dd>{localizedName(d.institution, lang)}</dd>
        </div>
        <div>
          <dt>{t("wallet.type")}</dt>
          <dd>{d.documentType ? localizedName(d.documentType, lang) : "—"}</dd>
        </div>
        <div>
          <dt>{t("wallet.issued")}</dt>
          <dd>{d.issueDate ? formatDay(d.issueDate, lang, true) : "—"}</dd>
        </div>
        <div>
          <dt>{t("wallet.status")}</dt>
          <dd>
            <DocumentStatusBadge status={d.status} />
          </dd>
        </div>
      </dl>
      <p>{statusText}</p>
      <p>
        <Link to={`/v/${encodeURIComponent(d.id)}`}>
          {t("wallet.publicRecord")}
          <span className="visually-hidden"> — {d.title}</span>
        </Link>
      </p>
      <WalletDocumentAccess document={d} />
    </li>
  );
}
