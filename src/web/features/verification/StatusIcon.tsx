import type { CheckStatus } from "../../../core/verification/verification.types.ts";

/** A small shape per status (tick, cross, exclamation, dash), always shown next to its text. */
export function StatusIcon({ status, className }: { status: CheckStatus; className?: string }) {
  return (
    <svg
      className={`status-icon status-icon-${status}${className ? ` ${className}` : ""}`}
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
    >
      {status === "warning" ? (
        <path d="M10 2 19 18H1Z" className="status-icon-shape" />
      ) : (
        <circle cx="10" cy="10" r="9" className="status-icon-shape" />
      )}
      {status === "passed" && <path d="m5.5 10.2 3 3 6-6.4" className="status-icon-mark" />}
      {status === "failed" && <path d="m6.5 6.5 7 7m0-7-7 7" className="status-icon-mark" />}
      {status === "warning" && <path d="M10 7.5v5m0 2.6v.1" className="status-icon-mark" />}
      {status === "skipped" && <path d="M6 10h8" className="status-icon-mark" />}
    </svg>
  );
}
