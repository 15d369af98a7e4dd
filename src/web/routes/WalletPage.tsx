import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { WalletDocument } from "../../core/wallet/wallet.types.ts";
import { queryKeys } from "../api/query-keys.ts";
import { listWalletDocuments } from "../api/wallet.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { InstitutionalEmailNotice } from "../features/account/InstitutionalEmailNotice.tsx";
import { CheckoutReturn } from "../features/wallet/CheckoutReturn.tsx";
import { WalletDocumentCard } from "../features/wallet/WalletDocumentCard.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

/** The documents of each institution, institutions in the order of their first document. */
function byInstitution(documents: WalletDocument[]): [string, WalletDocument[]][] {
  const groups = new Map<string, WalletDocument[]>();
  for (const d of documents) groups.set(d.institution.slug, [...(groups.get(d.institution.slug) ?? []), d]);
  return [...groups];
}

/** The signed-in learner's documents, grouped by institution, from every institution they claimed. */
export function WalletPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const location = useLocation();
  const state = location.state as { activated?: boolean; claimed?: boolean } | null;
  const activated = state?.activated === true;
  const claimed = state?.claimed === true;
  const documents = useQuery({ queryKey: queryKeys.wallet, queryFn: listWalletDocuments });
  const titles = new Map((documents.data ?? []).map((d) => [d.id, d.title]));

  return (
    <div className="page">
      <PageHeading title={t("wallet.title")} takeFocus={activated || claimed} />
      <StatusMessage>
        {activated ? t("wallet.activated") : claimed ? t("wallet.claimedIntoAccount") : null}
      </StatusMessage>
      <CheckoutReturn />
      <p className="lead">{t("wallet.intro")}</p>
      <p className="share-doc-actions">
        <Link className="button button-primary" to="/wallet/share">
          {t("sharing.history.new")}
        </Link>
        <Link to="/wallet/shares">{t("sharing.history.title")}</Link>
        <Link to="/wallet/payments">{t("payments.historyLink")}</Link>
      </p>
      <InstitutionalEmailNotice linkToAccount />
      {documents.isPending && <Loading />}
      {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.data?.length === 0 && <p>{t("wallet.none")}</p>}
      {documents.data && documents.data.length > 0 && (
        <>
          <p className="muted">{t("wallet.listLabel", { count: documents.data.length })}</p>
          {byInstitution(documents.data).map(([slug, group]) => {
            const name = localizedName((group[0] as WalletDocument).institution, lang);
            return (
              <section key={slug} className="section" aria-labelledby={`wallet-${slug}`}>
                <h2 id={`wallet-${slug}`}>{name}</h2>
                <ul className="plain-list" aria-label={name}>
                  {group.map((d) => (
                    <WalletDocumentCard
                      key={d.id}
                      document={d}
                      replacementTitle={d.supersededBy ? (titles.get(d.supersededBy) ?? null) : null}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
