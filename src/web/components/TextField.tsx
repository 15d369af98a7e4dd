import { type InputHTMLAttributes, useId } from "react";
import { describedBy } from "./describedBy.ts";

interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "aria-describedby" | "aria-invalid"> {
  label: string;
  /** Help shown between the label and the input. */
  hint?: string | undefined;
  /** A problem with the value, shown under the input. */
  error?: string | undefined;
}

/** A labelled input with its hint and error linked through aria-describedby. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        className={className ?? "input"}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
