import type { MouseEvent } from "react";

interface SubmitButtonProps {
  pending: boolean;
  children: string;
  variant?: "primary" | "secondary" | "danger";
}

/**
 * A form's submit button, disabled while the request is pending. It uses aria-disabled
 * rather than the disabled attribute so that it keeps the keyboard focus; clicks (and the
 * implicit submission of Enter, which clicks it) are ignored meanwhile.
 */
export function SubmitButton({ pending, children, variant = "primary" }: SubmitButtonProps) {
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <button
      type="submit"
      className={`button button-${variant}`}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={ignoreWhilePending}
    >
      {children}
    </button>
  );
}
