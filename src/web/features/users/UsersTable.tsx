import { useTranslation } from "react-i18next";
import type { UserSummary } from "../../../core/accounts/accounts.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { MembershipList } from "./MembershipList.tsx";

interface UsersTableProps {
  users: UserSummary[];
  currentUserId: string | null;
  /** The user being disabled or enabled, if any. */
  pendingId: string | null;
  onToggle: (id: string, enable: boolean) => void;
}

export function UsersTable({ users, currentUserId, pendingId, onToggle }: UsersTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="empty">{t("users.empty")}</p>;
  return (
    <DataTable
      caption={t("users.title")}
      columns={[t("users.email"), t("users.name"), t("users.status"), t("users.roles")]}
      actions
    >
      {users.map((user) => {
        const disabled = user.status === "disabled";
        return (
          <tr key={user.id}>
            <th scope="row" className="cell-break">
              {user.email}
            </th>
            <td>{user.displayName}</td>
            <td>
              <span className={`badge badge-standalone badge-${user.status}`}>
                {t(`userStatus.${user.status}`)}
              </span>
            </td>
            <td>
              <MembershipList memberships={user.memberships} />
            </td>
            <td className="cell-actions">
              {user.id === currentUserId ? (
                <span className="badge badge-info">{t("staff.you")}</span>
              ) : user.status === "closed" ? null : (
                <RowActionButton
                  subject={user.email}
                  variant={disabled ? "secondary" : "danger"}
                  pending={pendingId === user.id}
                  onClick={() => onToggle(user.id, disabled)}
                >
                  {disabled ? t("users.enable") : t("users.disable")}
                </RowActionButton>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
