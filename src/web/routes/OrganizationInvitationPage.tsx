import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, forgetCsrfToken } from "../api/http.ts";
import { acceptOrganizationInvitation, lookupOrganizationInvitation } from "../api/organizations.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { InvitationAcceptForm } from "../features/invitations/InvitationAcceptForm.tsx";
import { useHashToken } from "../hooks/useHashToken.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { formatDateTime, localizedName } from "../lib/format.ts";

const isInvalid = (error: unknown) =>
  error instanceof ApiError && (error.code === "invitation_invalid" || error.status === 404);

/** Where an emailed organization invitation leads: who invites you and as what, then accept. */
export function OrganizationInvitationPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const token = useHashToken();
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const lookup = useQuery({
    queryKey: ["organization-invitation", token ?? ""],
    queryFn: () => lookupOrganizationInvitation(token ?? ""),
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
  const invitation = lookup.data;
  return (
    <div className="page page-narrow">
      <PageHeading title={t("invitation.title")} />
      {lookup.isPending && <Loading />}
      {lookup.isError && <QueryError error={lookup.error} onRetry={() => void lookup.refetch()} />}
      {invitation && (
        <>
          <div className="card">
            <p className="lead">
              {t("invitation.invitedBy", {
                institution: localizedName(invitation.organization, lang),
                role: t(`roles.${invitation.role}`),
              })}
            </p>
            <dl className="details">
              <div>
                <dt>{t("invitation.email")}</dt>
                <dd>{invitation.email}</dd>
              </div>
              <div>
                <dt>{t("invitation.expires")}</dt>
                <dd>{formatDateTime(invitation.expiresAt, lang)}</dd>
              </div>
            </dl>
          </div>
          <InvitationAcceptForm
            token={token}
            invitation={invitation}
            accept={async (input) => {
              const result = await acceptOrganizationInvitation({ ...input, locale: lang });
              forgetCsrfToken();
              return result;
            }}
            onInvalid={setAcceptError}
          />
        </>
      )}
    </div>
  );
}
