import type { ReactNode } from "react";
import { FieldError } from "./FieldError.tsx";
import { fieldIds } from "./fieldIds.ts";

interface FieldFrameProps {
  /** The id of the labelled control; the hint's and error's ids derive from it (see fieldIds). */
  controlId: string;
  label: string;
  /** Help shown between the label and the control. */
  hint?: string | undefined;
  /** A problem with the value, shown under the control. */
  error?: string | undefined;
  /** The control, given aria-describedby and aria-invalid by its owner. */
  children: ReactNode;
}

/** The label, hint and error around a form control. */
export function FieldFrame({ controlId, label, hint, error, children }: FieldFrameProps) {
  const { hintId, errorId } = fieldIds(controlId, hint, error);
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={controlId}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
