import { type InputHTMLAttributes, useId } from "react";
import { FieldFrame } from "./FieldFrame.tsx";
import { fieldIds } from "./fieldIds.ts";

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
  return (
    <FieldFrame controlId={inputId} label={label} hint={hint} error={error}>
      <input
        id={inputId}
        className={className ?? "input"}
        aria-describedby={fieldIds(inputId, hint, error).describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldFrame>
  );
}
