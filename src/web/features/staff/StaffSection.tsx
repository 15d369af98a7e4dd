import { useId } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useCurrentUser } from "../auth/useCurrentUser.ts";
import { InvitationsTable } from "./InvitationsTable.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { StaffTable } from "./StaffTable.tsx";
import { useStaff, useStaffActions } from "./useStaff.ts";

interface StaffSectionProps {
  slug: string;
  /** The operator's view: only administrators can be invited from it. */
  operatorView?: boolean;
}

/** The people who act for an institution, their pending invitations, and the invitation form. */
export function StaffSection({ slug, operatorView = false }: StaffSectionProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const { user } = useCurrentUser();
  const staff = useStaff(slug);
  const actions = useStaffActions(slug);
  const actionError = actions.remove.error ?? actions.resend.error ?? actions.cancel.error;
  let done: string | null = null;
  if (actions.remove.isSuccess) done = t("staff.removed");
  else if (actions.resend.isSuccess) done = t("staff.resent");
  else if (actions.cancel.isSuccess) done = t("staff.cancelled");
  const resetOthers = (keep: keyof typeof actions) => {
    for (const [name, mutation] of Object.entries(actions)) if (name !== keep) mutation.reset();
  };

  return (
    <section className="section staff-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("staff.title")}</h2>
      <FormAlert message={actionError ? errorText(actionError) : null} />
      <StatusMessage>{done}</StatusMessage>
      {staff.isPending && <Loading />}
      {staff.isError && <QueryError error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && (
        <>
          <StaffTable
            staff={staff.data.staff}
            currentUserId={user?.id ?? null}
            pendingId={actions.remove.isPending ? (actions.remove.variables ?? null) : null}
            onRemove={(membershipId) => {
              resetOthers("remove");
              actions.remove.mutate(membershipId);
            }}
          />
          <InvitationsTable
            invitations={staff.data.invitations}
            pendingId={
              actions.resend.isPending
                ? (actions.resend.variables ?? null)
                : actions.cancel.isPending
                  ? (actions.cancel.variables ?? null)
                  : null
            }
            onResend={(id) => {
              resetOthers("resend");
              actions.resend.mutate(id);
            }}
            onCancel={(id) => {
              resetOthers("cancel");
              actions.cancel.mutate(id);
            }}
          />
        </>
      )}
      <InviteForm slug={slug} operatorView={operatorView} />
    </section>
  );
}
