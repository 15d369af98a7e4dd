import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { PdfDropZone } from "./PdfDropZone.tsx";
import type { useVerifyUpload } from "./useVerifyUpload.ts";

interface PdfChooserProps {
  upload: ReturnType<typeof useVerifyUpload>;
  /** The drop zone's main line, e.g. "Choose a PDF file". */
  label: string;
}

/** The start of a verification: the request's error, the file chooser, and the privacy note. */
export function PdfChooser({ upload, label }: PdfChooserProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <FormAlert message={upload.mutation.isError ? errorText(upload.mutation.error) : null} />
      <PdfDropZone
        inputRef={upload.inputRef}
        onFile={upload.choose}
        label={label}
        pending={upload.mutation.isPending}
        error={upload.problem ? t(`verify.fileProblem.${upload.problem}`) : undefined}
      />
      <p className="verify-privacy">{t("verify.notStored")}</p>
    </>
  );
}
