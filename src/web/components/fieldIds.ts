import { describedBy } from "./describedBy.ts";

/**
 * The ids of a field's hint and error, derived from its control's id (each only when there is
 * text to show), and the control's aria-describedby that joins them.
 */
export function fieldIds(controlId: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return { hintId, errorId, describedBy: describedBy(hintId, errorId) };
}
