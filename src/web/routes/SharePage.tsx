import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { openShare, sharedFileUrl } from "../api/sharing.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { PublicShareButtons } from "../features/sharing/PublicShareButtons.tsx";
import { SharedDocumentBanner } from "../features/sharing/SharedDocumentBanner.tsx";
import { ShareUnlockForm } from "../features/sharing/ShareUnlockForm.tsx";
import { watermarkText } from "../features/viewer/watermark.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDate, localizedName } from "../lib/format.ts";

/** /s/<token>: what a recipient sees of a share. Each load is a view, so the page never refetches by itself. */
export function SharePage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const token = useParams().token ?? "";
  const share = useQuery({
    queryKey: ["share", token],
    queryFn: () => openShare(token),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
  const s = share.data;
  return (
    <div className="page">
      <PageHeading
        title={
          s?.state === "open" || s?.state === "locked"
            ? t("sharing.recipient.title", { name: s.learnerName })
            : s
              ? t("sharing.recipient.unavailableTitle")
              : t("sharing.recipient.loadingTitle")
        }
      />
      {share.isPending && <Loading />}
      {share.isError && <QueryError error={share.error} onRetry={() => void share.refetch()} />}
      {s?.state === "locked" && (
        <ShareUnlockForm
          token={token}
          needs={s.needs}
          emailHint={s.emailHint}
          lockedUntil={s.lockedUntil}
          onUnlocked={() => void share.refetch()}
        />
      )}
      {s?.state === "open" && (
        <>
          <p className="lead">
            {t("sharing.recipient.intro", { name: s.learnerName, date: formatDate(s.expiresAt, lang) })}
          </p>
          {s.usesLeft !== null && <p>{t("sharing.recipient.usesLeft", { count: s.usesLeft })}</p>}
          {s.message && (
            <blockquote className="card section share-message">
              <p>{t("sharing.recipient.message", { name: s.learnerName })}</p>
              <p>{s.message}</p>
            </blockquote>
          )}
          <ul
            className="plain-list"
            aria-label={t("sharing.recipient.listLabel", { count: s.documents.length })}
          >
            {s.documents.map((d) => (
              <SharedDocumentBanner
                key={d.id}
                document={d}
                downloadUrl={sharedFileUrl(token, d.id)}
                watermark={watermarkText(t, s)}
                usesLeft={s.usesLeft}
              />
            ))}
          </ul>
          {s.channel === "public" && <PublicShareButtons documents={s.documents} />}
        </>
      )}
      {s?.state === "unavailable" && (
        <div className="card section">
          <p className="lead">{t(`sharing.recipient.unavailable.${s.reason}`)}</p>
          <p>{t("sharing.recipient.notTheCredential")}</p>
          <p>
            {t("sharing.recipient.askLearner", {
              institutions: s.institutions.map((i) => localizedName(i, lang)).join(", "),
            })}
          </p>
        </div>
      )}
      {s?.state === "unknown" && (
        <div className="card section">
          <p className="lead">{t("sharing.recipient.unknown")}</p>
          <p>{t("sharing.recipient.notTheCredential")}</p>
          <p>{t("sharing.recipient.askSender")}</p>
        </div>
      )}
    </div>
  );
}
