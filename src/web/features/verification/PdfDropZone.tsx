import { type ChangeEvent, type DragEvent, type RefObject, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "../../components/FieldError.tsx";
import { fieldIds } from "../../components/fieldIds.ts";

interface PdfDropZoneProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File) => void;
  /** The label's main line, e.g. "Choose a PDF file". */
  label: string;
  pending: boolean;
  error?: string | undefined;
}

/**
 * A real file chooser (a label and a file input, reachable with the keyboard) drawn as a large
 * drop zone; dropping a file on it is an extra. Choosing a file hands it over at once.
 */
export function PdfDropZone({ inputRef, onFile, label, pending, error }: PdfDropZoneProps) {
  const { t } = useTranslation();
  const id = useId();
  const { hintId, errorId, describedBy } = fieldIds(id, t("verify.dropHint"), error);
  const [dragging, setDragging] = useState(false);

  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file && !pending) onFile(file);
  };
  const over = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !pending) onFile(file);
  };

  const classes = ["dropzone", dragging && "dropzone-active", error && "dropzone-invalid"];
  return (
    <div className={error ? "field field-invalid" : "field"}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is an extra; the input inside is the accessible control. */}
      <div
        className={classes.filter(Boolean).join(" ")}
        onDragEnter={over}
        onDragOver={over}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <input
          ref={inputRef}
          id={id}
          className="dropzone-input"
          type="file"
          name="file"
          accept="application/pdf,.pdf"
          onChange={change}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id} className="dropzone-label">
          <svg className="dropzone-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
            <path d="M14 3v5h5M12 18v-6M9 14.5 12 11.5l3 3" />
          </svg>
          <span className="dropzone-title">{label}</span>
        </label>
        <p id={hintId} className="dropzone-hint">
          {t("verify.dropHint")}
        </p>
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
