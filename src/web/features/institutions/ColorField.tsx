import { useId } from "react";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
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
  const textId = `${useId()}-text`;
  return (
    <FieldFrame controlId={textId} label={label} hint={hint} error={error}>
      <div className="color-field">
        <input
          id={textId}
          className="input input-color-text"
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          value={value}
          onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
          aria-describedby={fieldIds(textId, hint, error).describedBy}
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
    </FieldFrame>
  );
}
