import type { PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { renderPage } from "./renderPage.ts";

const THUMB_WIDTH = 88;

/** One page's thumbnail: a button that goes to the page; the current one is marked. */
export function PdfThumbnail({
  doc,
  pageNumber,
  current,
  onSelect,
}: {
  doc: PDFDocumentProxy;
  pageNumber: number;
  current: boolean;
  onSelect: (pageNumber: number) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    let rendering: ReturnType<typeof renderPage> | null = null;
    let stopped = false;
    void doc.getPage(pageNumber).then((page) => {
      if (stopped) return;
      const scale = THUMB_WIDTH / page.getViewport({ scale: 1 }).width;
      rendering = renderPage(doc, pageNumber, scale, target);
      rendering.promise.catch(() => undefined);
    });
    return () => {
      stopped = true;
      rendering?.cancel();
    };
  }, [doc, pageNumber]);
  return (
    <li>
      <button
        type="button"
        className="pdf-viewer-thumb"
        aria-current={current ? "true" : undefined}
        onClick={() => onSelect(pageNumber)}
      >
        <canvas ref={canvas} width={THUMB_WIDTH} height={Math.round(THUMB_WIDTH * 1.3)} />
        <span>
          <span className="visually-hidden">{t("viewer.page")} </span>
          {pageNumber}
        </span>
      </button>
    </li>
  );
}
