import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "./TableWrap.tsx";

interface DataTableProps {
  /** The caption; it also names the scrollable region. */
  caption: string;
  /** Shows the caption on screen; by default only screen readers get it. */
  showCaption?: boolean;
  /** The headers of the columns, in order. */
  columns: string[];
  /** Adds a last column for the row actions, whose header only screen readers get. */
  actions?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** A table with its caption and column headers, in a wrapper that scrolls on small screens. */
export function DataTable({
  caption,
  showCaption = false,
  columns,
  actions = false,
  children,
}: DataTableProps) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table className="table">
        <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}
