import { type ChangeEvent, type RefObject, useId } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "../../components/describedBy.ts";
import { LOGO_TYPES } from "./logoFile.ts";

interface LogoFileFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string | undefined;
}

export function LogoFileField({ inputRef, onChange, error }: LogoFileFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{t("logo.file")}</label>
      <p id={hintId} className="field-hint">
        {t("logo.fileHint")}
      </p>
      <input
        ref={inputRef}
        id={id}
        className="input input-file"
        type="file"
        name="logo"
        accept={LOGO_TYPES.join(",")}
        onChange={onChange}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
