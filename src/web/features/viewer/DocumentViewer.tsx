import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/Loading.tsx";

// pdf.js is loaded with the viewer only, when someone opens it.
const PdfViewer = lazy(() => import("./PdfViewer.tsx"));

/** A "View" button that opens (and closes) the in-browser viewer of one document below it. */
export function DocumentViewer({
  url,
  title,
  watermark = null,
  aside,
}: {
  url: string;
  title: string;
  watermark?: string | null;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="document-viewer">
      <button
        type="button"
        className="button button-secondary document-viewer-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t("viewer.view")}
        <span className="visually-hidden"> — {title}</span>
      </button>
      <div id={panelId}>
        {open && (
          <Suspense fallback={<Loading />}>
            <PdfViewer url={url} title={title} watermark={watermark} aside={aside} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
