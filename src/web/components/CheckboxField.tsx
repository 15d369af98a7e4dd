import { type InputHTMLAttributes, useId } from "react";

interface CheckboxFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "aria-describedby"> {
  label: string;
  /** Help shown under the label, linked through aria-describedby. */
  hint?: string | undefined;
}

/** A checkbox with its label beside it (the whole label is clickable) and an optional hint. */
export function CheckboxField({ id, label, hint, ...input }: CheckboxFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field field-checkbox">
      <input id={inputId} type="checkbox" className="checkbox" aria-describedby={hintId} {...input} />
      <div>
        <label htmlFor={inputId}>{label}</label>
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
