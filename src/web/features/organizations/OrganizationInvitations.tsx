import { useTranslation } from "react-i18next";
import type { OrganizationPendingInvitation } from "../../../core/organizations/organizations.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";

interface OrganizationInvitationsProps {
  invitations: OrganizationPendingInvitation[];
  /** The invitation being cancelled, if any. */
  pendingId: string | null;
  onCancel: (id: string) => void;
}

/** An organization's staff invitations not yet accepted, cancelled or expired, each cancellable. */
export function OrganizationInvitations({ invitations, pendingId, onCancel }: OrganizationInvitationsProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <div className="subsection">
      <h3>{t("staff.invitations")}</h3>
      {invitations.length === 0 ? (
        <p className="empty">{t("staff.noInvitations")}</p>
      ) : (
        <DataTable
          caption={t("staff.invitations")}
          columns={[t("staff.email"), t("staff.role"), t("organizations.invitationSent"), t("staff.expires")]}
          actions
        >
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="cell-break">
                {invitation.email}
              </th>
              <td>{t(`roles.${invitation.role}`)}</td>
              <td>{formatDateTime(invitation.createdAt, lang)}</td>
              <td>{formatDateTime(invitation.expiresAt, lang)}</td>
              <td className="cell-actions">
                <RowActionButton
                  subject={invitation.email}
                  variant="danger"
                  pending={pendingId === invitation.id}
                  onClick={() => onCancel(invitation.id)}
                >
                  {t("staff.cancel")}
                </RowActionButton>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
