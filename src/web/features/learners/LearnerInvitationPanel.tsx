import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LearnerInvitationView } from "../../../core/learner-invitations/learner-invitations.types.ts";
import { getLearnerInvitation, resendLearnerInvitation } from "../../api/issuance.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { ResendCodeDialog } from "./ResendCodeDialog.tsx";

/** The learner's invitation in plain words, the access code's expiry, and "send a new access code". */
export function LearnerInvitationPanel({ slug, learnerId }: { slug: string; learnerId: string }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [resent, setResent] = useState(false);
  const key = queryKeys.learnerInvitation(slug, learnerId);
  const invitation = useQuery({
    queryKey: key,
    queryFn: () => getLearnerInvitation(slug, learnerId),
    // A resent code is queued, then sent by the worker within seconds: follow it until then.
    refetchInterval: (query) => (query.state.data?.status === "queued" ? 2000 : false),
  });
  const resend = useMutation({
    mutationFn: () => resendLearnerInvitation(slug, learnerId),
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      setResent(true);
    },
  });
  const when = (iso: string) => formatDateTime(iso, lang);
  const statusText = (i: LearnerInvitationView | null) => {
    if (!i) return t("learnerInvitation.none");
    switch (i.status) {
      case "queued":
        return t("learnerInvitation.queued");
      case "sent":
        return i.sentAt
          ? t("learnerInvitation.sent", { date: when(i.sentAt), count: i.sendCount })
          : t("learnerInvitation.queued");
      case "failed":
        return i.lastError
          ? t("learnerInvitation.failed", { error: i.lastError })
          : t("learnerInvitation.failedUnknown");
      case "claimed":
        return t("learnerInvitation.claimed", { date: i.claimedAt ? when(i.claimedAt) : "—" });
    }
  };
  const i = invitation.data;
  const expiry = i?.codeExpiresAt && i.status !== "claimed" ? i.codeExpiresAt : null;
  return (
    <section className="section invitation-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("learnerInvitation.title")}</h2>
      <p className="muted">{t("learnerInvitation.intro")}</p>
      {invitation.isPending && <Loading />}
      {invitation.isError && (
        <QueryError error={invitation.error} onRetry={() => void invitation.refetch()} />
      )}
      {invitation.isSuccess && (
        <dl className="details details-compact">
          <div>
            <dt>{t("learnerInvitation.statusLabel")}</dt>
            <dd className={i?.status === "failed" ? "invitation-failed" : undefined}>
              {statusText(i ?? null)}
            </dd>
          </div>
          {expiry && (
            <div>
              <dt>{t("learnerInvitation.codeLabel")}</dt>
              <dd>
                {new Date(expiry).getTime() > Date.now()
                  ? t("learnerInvitation.expires", { date: when(expiry) })
                  : t("learnerInvitation.expired", { date: when(expiry) })}
              </dd>
            </div>
          )}
        </dl>
      )}
      <StatusMessage>{resent ? t("learnerInvitation.resent") : null}</StatusMessage>
      {i && i.status !== "claimed" && (
        <ResendCodeDialog
          pending={resend.isPending}
          error={resend.error}
          onConfirm={() => resend.mutateAsync().then(() => undefined)}
          onOpen={() => {
            setResent(false);
            resend.reset();
          }}
        />
      )}
    </section>
  );
}
