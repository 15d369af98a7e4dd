import { useId } from "react";
import { describedBy } from "../../components/describedBy.ts";
import { HEX_COLOR } from "../../lib/color.ts";

interface ColorFieldProps {
  /** Label of the text field (the value itself). */
  label: string;
  /** Label of the colour picker next to it. */
  pickerLabel: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A colour as #rrggbb: a text field for typing or pasting, and the browser's colour picker. */
export function ColorField({ label, pickerLabel, hint, value, onChange, error }: ColorFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={`${id}-text`}>{label}</label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="color-field">
        <input
          id={`${id}-text`}
          className="input input-color-text"
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          value={value}
          onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={error ? true : undefined}
        />
        <input
          className="input-color-picker"
          type="color"
          aria-label={pickerLabel}
          value={HEX_COLOR.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value.toLowerCase())}
        />
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
