import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/http.ts";
import { lookupInvitation } from "../api/institutions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { InvitationAcceptForm } from "../features/invitations/InvitationAcceptForm.tsx";
import { InvitationSummary } from "../features/invitations/InvitationSummary.tsx";
import { useHashToken } from "../hooks/useHashToken.ts";

const isInvalid = (error: unknown) =>
  error instanceof ApiError && (error.code === "invitation_invalid" || error.status === 404);

/** Where an emailed invitation link leads: see who invites you, then accept. */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = useHashToken();
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const lookup = useQuery({
    queryKey: queryKeys.invitation(token ?? ""),
    queryFn: () => lookupInvitation(token ?? ""),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (!token || isInvalid(lookup.error) || isInvalid(acceptError)) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("invitation.invalidTitle")} takeFocus={acceptError !== null} />
        <p className="lead">{t("invitation.invalidBody")}</p>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <PageHeading title={t("invitation.title")} />
      {lookup.isPending && <Loading />}
      {lookup.isError && <QueryError error={lookup.error} onRetry={() => void lookup.refetch()} />}
      {lookup.data && (
        <>
          <InvitationSummary invitation={lookup.data} />
          <InvitationAcceptForm token={token} invitation={lookup.data} onInvalid={setAcceptError} />
        </>
      )}
    </div>
  );
}
