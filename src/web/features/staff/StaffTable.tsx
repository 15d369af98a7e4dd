import { useTranslation } from "react-i18next";
import type { StaffMember } from "../../../core/institutions/institutions.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";

interface StaffTableProps {
  staff: StaffMember[];
  currentUserId: string | null;
  /** The membership being removed, if any. */
  pendingId: string | null;
  onRemove: (membershipId: string) => void;
}

export function StaffTable({ staff, currentUserId, pendingId, onRemove }: StaffTableProps) {
  const { t } = useTranslation();
  if (staff.length === 0) return <p className="empty">{t("staff.empty")}</p>;
  return (
    <DataTable
      caption={t("staff.members")}
      showCaption
      columns={[t("staff.name"), t("staff.email"), t("staff.role"), t("staff.status")]}
      actions
    >
      {staff.map((member) => {
        const self = member.userId === currentUserId;
        return (
          <tr key={member.membershipId}>
            <th scope="row">
              {member.displayName}
              {self && <span className="badge badge-info">{t("staff.you")}</span>}
            </th>
            <td className="cell-break">{member.email}</td>
            <td>{t(`roles.${member.role}`)}</td>
            <td>
              <span className={`badge badge-standalone badge-${member.status}`}>
                {t(`userStatus.${member.status}`)}
              </span>
            </td>
            <td className="cell-actions">
              {!self && (
                <RowActionButton
                  subject={member.displayName}
                  variant="danger"
                  pending={pendingId === member.membershipId}
                  onClick={() => onRemove(member.membershipId)}
                >
                  {t("staff.remove")}
                </RowActionButton>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
