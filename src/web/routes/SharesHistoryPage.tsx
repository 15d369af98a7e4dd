import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ShareSummary } from "../../core/sharing/sharing.types.ts";
import { extendShare, listShares, revokeShare } from "../api/sharing.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { ShareLockControls } from "../features/sharing/ShareLockControls.tsx";
import { shortShareId } from "../features/viewer/watermark.ts";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDateTime, localizedName } from "../lib/format.ts";

const KEY = ["shares"] as const;

/**
 * Every share the learner made: to whom, what, until when, its true state (active, locked until,
 * used up, expired, revoked), each view, download and lock; revoke, extend, unlock, new passcode.
 */
export function SharesHistoryPage() {
  const { t } = useTranslation();
  const shares = useQuery({ queryKey: KEY, queryFn: listShares });
  return (
    <div className="page">
      <PageHeading title={t("sharing.history.title")} />
      <p className="lead">{t("sharing.history.intro")}</p>
      <p>
        <Link className="button button-primary" to="/wallet/share">
          {t("sharing.history.new")}
        </Link>
      </p>
      {shares.isPending && <Loading />}
      {shares.isError && <QueryError error={shares.error} onRetry={() => void shares.refetch()} />}
      {shares.data?.length === 0 && <p>{t("sharing.history.none")}</p>}
      {shares.data && shares.data.length > 0 && (
        <ul className="plain-list" aria-label={t("sharing.history.listLabel", { count: shares.data.length })}>
          {shares.data.map((s) => (
            <ShareCard key={s.id} share={s} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ShareCard({ share: s }: { share: ShareSummary }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const client = useQueryClient();
  const done = () => void client.invalidateQueries({ queryKey: KEY });
  const revoke = useMutation({ mutationFn: () => revokeShare(s.id), onSuccess: done });
  const extend = useMutation({ mutationFn: () => extendShare(s.id, 30), onSuccess: done });
  const titles = new Map(s.documents.map((d) => [d.id, d.title]));
  const recipient = s.organization
    ? localizedName(s.organization, lang)
    : (s.recipientEmail ?? t(`sharing.history.anyone.${s.channel === "public" ? "public" : "link"}`));
  const headingId = `share-${s.id}`;
  return (
    <li className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`sharing.channel.${s.channel}`)} — {recipient}
      </h2>
      <dl className="details">
        <div>
          <dt>{t("sharing.history.documents")}</dt>
          <dd>{s.documents.map((d) => d.title).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("sharing.history.created")}</dt>
          <dd>{formatDateTime(s.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("sharing.history.expires")}</dt>
          <dd>{formatDateTime(s.expiresAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("sharing.history.status")}</dt>
          <dd className={`share-state-${s.status}`}>
            {s.status === "locked" && s.lockedUntil
              ? t("sharing.history.lockedUntil", { time: formatDateTime(s.lockedUntil, lang) })
              : t(`sharing.status.${s.status}`)}
          </dd>
        </div>
        <div>
          <dt>{t("sharing.history.shareId")}</dt>
          <dd>
            <code>{shortShareId(s.id)}</code>
          </dd>
        </div>
        <div>
          <dt>{t("sharing.history.views")}</dt>
          <dd>{s.viewCount}</dd>
        </div>
        <div>
          <dt>{t("sharing.history.downloads")}</dt>
          <dd>{s.downloadCount}</dd>
        </div>
        {s.maxViews !== null && (
          <div>
            <dt>{t("sharing.history.limit")}</dt>
            <dd>
              {t("sharing.history.limitUsed", { used: s.viewCount + s.downloadCount, max: s.maxViews })}
            </dd>
          </div>
        )}
      </dl>
      <h3 className="share-events-title">{t("sharing.history.events")}</h3>
      {s.events.length === 0 ? (
        <p>{t("sharing.history.noEvents")}</p>
      ) : (
        <ul className="share-events">
          {s.events.map((e) => (
            <li key={`${e.kind}-${e.createdAt}-${e.documentId ?? ""}`}>
              {formatDateTime(e.createdAt, lang)} —{" "}
              {t(`sharing.event.${e.kind}`, {
                title: e.documentId ? (titles.get(e.documentId) ?? "") : "",
                organization: e.organization ? localizedName(e.organization, lang) : "",
              })}
            </li>
          ))}
        </ul>
      )}
      <FormAlert
        message={revoke.isError ? errorText(revoke.error) : extend.isError ? errorText(extend.error) : null}
      />
      <ShareLockControls share={s} recipient={recipient} onChanged={done} />
      {s.status !== "revoked" && (
        <p className="share-doc-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => extend.mutate()}
            disabled={extend.isPending}
          >
            {t("sharing.history.extend")}
            <span className="visually-hidden"> — {recipient}</span>
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => revoke.mutate()}
            disabled={revoke.isPending}
          >
            {t("sharing.history.revoke")}
            <span className="visually-hidden"> — {recipient}</span>
          </button>
        </p>
      )}
    </li>
  );
}
