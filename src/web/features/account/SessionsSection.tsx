import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { listSessions, revokeAllSessions, revokeSession } from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { forgetSession } from "../auth/useSignOut.ts";
import { SessionRow } from "./SessionRow.tsx";

/** The browsers where the person is signed in, with a way to end each session or all of them. */
export function SessionsSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
  const revokeAll = useMutation({
    mutationFn: revokeAllSessions,
    onSuccess: () => forgetSession(queryClient, () => navigate("/sign-in", { state: { signedOut: true } })),
  });
  const error = revoke.error ?? revokeAll.error;

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("account.sessions.title")}</h2>
      <p>{t("account.sessions.intro")}</p>
      <FormAlert message={error ? errorText(error) : null} />
      <StatusMessage>{revoke.isSuccess ? t("account.sessions.revoked") : null}</StatusMessage>
      {sessions.isPending && <Loading />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <DataTable
          caption={t("account.sessions.table")}
          columns={[
            t("account.sessions.browser"),
            t("account.sessions.created"),
            t("account.sessions.lastSeen"),
            t("account.sessions.ip"),
          ]}
          actions
        >
          {sessions.data.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              pending={revoke.isPending && revoke.variables === session.id}
              onRevoke={() => revoke.mutate(session.id)}
            />
          ))}
        </DataTable>
      )}
      <p className="section-actions">
        <ActionButton variant="danger" pending={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
          {t("account.sessions.revokeAll")}
        </ActionButton>
      </p>
    </section>
  );
}
