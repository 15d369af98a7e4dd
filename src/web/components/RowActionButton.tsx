import type { ReactNode } from "react";
import { ActionButton } from "./ActionButton.tsx";

interface RowActionButtonProps {
  /** What the row is, added to the button's name for screen readers ("Remove Ada Lovelace"). */
  subject: string;
  pending: boolean;
  onClick: () => void;
  variant?: "secondary" | "danger";
  children: ReactNode;
}

/** A small button acting on one row of a table, whose accessible name says which row. */
export function RowActionButton({ subject, pending, onClick, variant, children }: RowActionButtonProps) {
  return (
    <ActionButton small variant={variant} pending={pending} onClick={onClick}>
      {children}
      <span className="visually-hidden"> {subject}</span>
    </ActionButton>
  );
}
