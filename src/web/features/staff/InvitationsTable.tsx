import { useTranslation } from "react-i18next";
import type { InstitutionRole } from "../../../core/accounts/accounts.types.ts";
import type { InvitationStatus } from "../../../core/institutions/institutions.types.ts";
import type { OrganizationRole } from "../../../core/organizations/organizations.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";

/** A staff invitation as an institution's or an organization's list gives it. */
interface InvitationRow {
  id: string;
  email: string;
  role: InstitutionRole | OrganizationRole;
  createdAt: string;
  expiresAt: string;
  /** Institutions list every invitation; organizations only pending ones (no status). */
  status?: InvitationStatus;
}

interface InvitationsTableProps {
  invitations: InvitationRow[];
  /** The invitation being resent or cancelled, if any. */
  pendingId: string | null;
  /** Offered when an invitation can be sent again (institutions). */
  onResend?: (id: string) => void;
  onCancel: (id: string) => void;
}

/**
 * Staff invitations not yet accepted nor cancelled (email, role, sent, expires), for an
 * institution or an organization; expired ones can be sent again where resending exists.
 */
export function InvitationsTable({ invitations, pendingId, onResend, onCancel }: InvitationsTableProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  const open = invitations.filter(
    (invitation) =>
      invitation.status === undefined || invitation.status === "pending" || invitation.status === "expired",
  );
  return (
    <div className="subsection">
      <h3>{t("staff.invitations")}</h3>
      {open.length === 0 ? (
        <p className="empty">{t("staff.noInvitations")}</p>
      ) : (
        <DataTable
          caption={t("staff.invitations")}
          columns={[t("staff.email"), t("staff.role"), t("staff.sent"), t("staff.expires")]}
          actions
        >
          {open.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="cell-break">
                {invitation.email}
              </th>
              <td>{t(`roles.${invitation.role}`)}</td>
              <td>{formatDateTime(invitation.createdAt, lang)}</td>
              <td>
                {formatDateTime(invitation.expiresAt, lang)}
                {invitation.status === "expired" && (
                  <span className="badge badge-disabled">{t("staff.expired")}</span>
                )}
              </td>
              <td className="cell-actions">
                {onResend && (
                  <RowActionButton
                    subject={invitation.email}
                    pending={pendingId === invitation.id}
                    onClick={() => onResend(invitation.id)}
                  >
                    {t("staff.resend")}
                  </RowActionButton>
                )}
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
