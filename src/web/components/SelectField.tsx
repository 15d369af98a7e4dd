import { type ReactNode, type SelectHTMLAttributes, useId } from "react";
import { describedBy } from "./describedBy.ts";

interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "aria-describedby" | "aria-invalid"> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/** A labelled select with its hint and error linked through aria-describedby. */
export function SelectField({ id, label, hint, error, children, ...select }: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={selectId}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <select
        id={selectId}
        className="input select"
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
