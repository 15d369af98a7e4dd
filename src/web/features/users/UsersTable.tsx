import { useTranslation } from "react-i18next";
import type { UserSummary } from "../../../core/accounts/accounts.types.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { TableWrap } from "../../components/TableWrap.tsx";
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
    <TableWrap label={t("users.title")}>
      <table className="table">
        <caption className="visually-hidden">{t("users.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.roles")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
                  ) : (
                    <ActionButton
                      small
                      variant={disabled ? "secondary" : "danger"}
                      pending={pendingId === user.id}
                      onClick={() => onToggle(user.id, disabled)}
                    >
                      {disabled ? t("users.enable") : t("users.disable")}
                      <span className="visually-hidden"> {user.email}</span>
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
