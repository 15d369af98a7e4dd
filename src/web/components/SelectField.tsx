import { type ReactNode, type SelectHTMLAttributes, useId } from "react";
import { FieldFrame } from "./FieldFrame.tsx";
import { fieldIds } from "./fieldIds.ts";

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
  return (
    <FieldFrame controlId={selectId} label={label} hint={hint} error={error}>
      <select
        id={selectId}
        className="input select"
        aria-describedby={fieldIds(selectId, hint, error).describedBy}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
