import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationRole } from "../../../core/organizations/organizations.types.ts";
import {
  cancelOrganizationInvitation,
  inviteOrganizationStaff,
  listOrganizationInvitations,
  listOrganizationStaff,
  removeOrganizationStaff,
} from "../../api/organizations.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { InvitationsTable } from "../staff/InvitationsTable.tsx";

const FIELDS = ["email", "role"] as const;

/** An organization's admins and reviewers: invite by email, list and cancel pending invitations, remove. */
export function OrganizationStaff({ slug, title }: { slug: string; title?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const lang = useLocale();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS, { already_member: "email" });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<OrganizationRole>("organization_admin");
  const [status, setStatus] = useState<string | null>(null);
  const staff = useQuery({
    queryKey: ["organization-staff", slug],
    queryFn: () => listOrganizationStaff(slug),
  });
  const invitations = useQuery({
    queryKey: ["organization-invitations", slug],
    queryFn: () => listOrganizationInvitations(slug),
  });
  const invite = useMutation({
    mutationFn: () => inviteOrganizationStaff(slug, { email: email.trim(), role, locale: lang }),
    onSuccess: () => {
      setStatus(t("organizations.invited", { email: email.trim() }));
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: ["organization-invitations", slug] });
    },
    onError: feedback.fail,
  });
  const cancel = useMutation({
    mutationFn: (invitationId: string) => cancelOrganizationInvitation(slug, invitationId),
    onSuccess: () => {
      setStatus(t("staff.cancelled"));
      void queryClient.invalidateQueries({ queryKey: ["organization-invitations", slug] });
    },
    onError: () => setStatus(t("organizations.cancelFailed")),
  });
  const remove = useMutation({
    mutationFn: (membershipId: string) => removeOrganizationStaff(slug, membershipId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["organization-staff", slug] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (feedback.validate(email.includes("@") ? {} : { email: "email" })) invite.mutate();
  };
  return (
    <section className="card" aria-labelledby={`${id}-staff`}>
      <h2 id={`${id}-staff`}>{title ?? t("organizations.staffTitle")}</h2>
      {staff.data && staff.data.length === 0 && <p className="empty">{t("organizations.noStaff")}</p>}
      <ul className="staff-list">
        {staff.data?.map((m) => (
          <li key={m.membershipId}>
            {m.displayName} ({m.email}) — {t(`roles.${m.role}`)}{" "}
            <button
              type="button"
              className="button button-link"
              disabled={remove.isPending}
              onClick={() => remove.mutate(m.membershipId)}
            >
              {t("organizations.remove", { name: m.displayName })}
            </button>
          </li>
        ))}
      </ul>
      {invitations.data && (
        <InvitationsTable
          invitations={invitations.data}
          pendingId={cancel.isPending ? (cancel.variables ?? null) : null}
          onCancel={(id) => {
            setStatus(null);
            cancel.mutate(id);
          }}
        />
      )}
      <form className="form" noValidate onSubmit={submit} aria-labelledby={`${id}-invite`}>
        <h3 id={`${id}-invite`}>{t("organizations.inviteTitle")}</h3>
        <FormAlert message={feedback.formError} />
        <StatusMessage>{status}</StatusMessage>
        <TextField
          label={t("organizations.inviteEmail")}
          type="email"
          required
          {...feedback.bind("email", email, setEmail)}
        />
        <SelectField
          label={t("organizations.inviteRole")}
          value={role}
          onChange={(e) => setRole(e.target.value as OrganizationRole)}
        >
          <option value="organization_admin">{t("roles.organization_admin")}</option>
          <option value="reviewer">{t("roles.reviewer")}</option>
        </SelectField>
        <SubmitButton pending={invite.isPending}>{t("organizations.invite")}</SubmitButton>
      </form>
    </section>
  );
}
