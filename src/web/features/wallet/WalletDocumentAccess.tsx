import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { WalletDocument } from "../../../core/wallet/wallet.types.ts";
import { formatMoney, startUnlockCheckout, walletFileUrl } from "../../api/payments.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { DocumentStatusBadge } from "../documents/DocumentStatusBadge.tsx";
import { DocumentViewer } from "../viewer/DocumentViewer.tsx";

/** Whether a wallet document is unlocked; its price and the Unlock button; the signed PDF's download and viewer. */
export function WalletDocumentAccess({ document: d }: { document: WalletDocument }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const { access } = d;
  const priced = access.unlockFeeCents > 0;
  const price = priced ? formatMoney(access.unlockFeeCents, access.currency, lang) : null;
  const unlock = useMutation({
    mutationFn: () => startUnlockCheckout(d.id),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <div className="wallet-access">
      <FormAlert message={unlock.isError ? errorText(unlock.error) : null} />
      <p>
        <strong>{t("payments.access")} </strong>
        <span>
          {access.unlocked
            ? priced
              ? t("payments.unlocked")
              : t("payments.free")
            : t("payments.locked", { price })}
        </span>
      </p>
      <div className="wallet-access-actions">
        {!access.unlocked && priced && d.status === "active" && (
          <button
            type="button"
            className="button button-primary"
            disabled={unlock.isPending || unlock.isSuccess}
            onClick={() => unlock.mutate()}
          >
            {unlock.isPending || unlock.isSuccess
              ? t("payments.redirecting")
              : t("payments.unlock", { price })}
            <span className="visually-hidden"> — {d.title}</span>
          </button>
        )}
        {access.unlocked && access.downloadAllowed && (
          <a className="button button-secondary" href={walletFileUrl(d.id)} download>
            {t("payments.download")}
            <span className="visually-hidden"> — {d.title}</span>
          </a>
        )}
      </div>
      {access.unlocked && !access.downloadAllowed && (
        <p className="hint">{t("payments.downloadNotAllowed")}</p>
      )}
      {access.unlocked && (
        <DocumentViewer
          url={`${walletFileUrl(d.id)}?view=1`}
          title={d.title}
          aside={
            <p className="pdf-viewer-verdict">
              <strong>{t("wallet.status")} </strong>
              <DocumentStatusBadge status={d.status} />
            </p>
          }
        />
      )}
    </div>
  );
}
