import type { ReactNode } from "react";

/**
 * A polite live region for success messages. It stays in the page, empty, so that screen
 * readers announce the message when it appears.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? "alert alert-success" : "status-empty"}>
      {children}
    </div>
  );
}
