import { type ChangeEvent, type RefObject, useId } from "react";
import { useTranslation } from "react-i18next";
import { FieldFrame } from "../../components/FieldFrame.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { LOGO_TYPES } from "./logoFile.ts";

interface LogoFileFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string | undefined;
}

export function LogoFileField({ inputRef, onChange, error }: LogoFileFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hint = t("logo.fileHint");
  return (
    <FieldFrame controlId={id} label={t("logo.file")} hint={hint} error={error}>
      <input
        ref={inputRef}
        id={id}
        className="input input-file"
        type="file"
        name="logo"
        accept={LOGO_TYPES.join(",")}
        onChange={onChange}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}
