import type { ReactNode } from "react";

interface ActionButtonProps {
  pending: boolean;
  onClick: () => void;
  variant?: "primary" | "secondary" | "danger";
  small?: boolean;
  children: ReactNode;
}

/** A button that starts a request; like SubmitButton, it keeps the focus while disabled. */
export function ActionButton({
  pending,
  onClick,
  variant = "secondary",
  small = false,
  children,
}: ActionButtonProps) {
  return (
    <button
      type="button"
      className={`button button-${variant}${small ? " button-small" : ""}`}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={() => {
        if (!pending) onClick();
      }}
    >
      {children}
    </button>
  );
}
