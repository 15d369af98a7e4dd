import { useTranslation } from "react-i18next";
import type { StaffMember } from "../../../core/institutions/institutions.types.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { TableWrap } from "../../components/TableWrap.tsx";

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
    <TableWrap label={t("staff.members")}>
      <table className="table">
        <caption>{t("staff.members")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.name")}</th>
            <th scope="col">{t("staff.email")}</th>
            <th scope="col">{t("staff.role")}</th>
            <th scope="col">{t("staff.status")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
                    <ActionButton
                      small
                      variant="danger"
                      pending={pendingId === member.membershipId}
                      onClick={() => onRemove(member.membershipId)}
                    >
                      {t("staff.remove")}
                      <span className="visually-hidden"> {member.displayName}</span>
                    </ActionButton>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
