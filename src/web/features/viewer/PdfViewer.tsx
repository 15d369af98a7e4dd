import type { PDFDocumentProxy } from "pdfjs-dist";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/Loading.tsx";
import { PdfThumbnail } from "./PdfThumbnail.tsx";
import { renderPage } from "./renderPage.ts";
import { usePdfDocument } from "./usePdfDocument.ts";
import { drawWatermark } from "./watermark.ts";

export interface PdfViewerProps {
  /** Where the PDF's bytes are (our API, inline variant). */
  url: string;
  title: string;
  /** Drawn across each page of the rendition (never on the file); also said in words. */
  watermark?: string | null;
  /** Shown above the pages (the document's status, kept in sight). */
  aside?: ReactNode;
}

const MIN_SCALE = 0.25;
const MAX_SCALE = 4;
const STEP = 1.25;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(s * 100) / 100));

/** The in-browser viewer (pdf.js): one page at a time, thumbnails, zoom, keyboard navigation. */
export default function PdfViewer({ url, title, watermark = null, aside }: PdfViewerProps) {
  const { t } = useTranslation();
  const state = usePdfDocument(url);
  return (
    <section className="pdf-viewer" aria-label={t("viewer.label", { title })}>
      {aside}
      {state.status === "loading" && <Loading />}
      {state.status === "error" && (
        <p className="alert alert-error" role="alert">
          {t(`viewer.error.${state.reason}`)}
        </p>
      )}
      {state.status === "ready" && <PdfPages doc={state.doc} title={title} watermark={watermark} />}
    </section>
  );
}

function PdfPages({
  doc,
  title,
  watermark,
}: {
  doc: PDFDocumentProxy;
  title: string;
  watermark: string | null;
}) {
  const { t } = useTranslation();
  const count = doc.numPages;
  const [pageNumber, setPageNumber] = useState(1);
  const [zoom, setZoom] = useState<"fit" | number>("fit");
  const [shownScale, setShownScale] = useState(1);
  const [stageWidth, setStageWidth] = useState(0);
  const [failed, setFailed] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    // Settled widths only: a resize renders the page again once it has stopped for a moment, and
    // a transient collapse (a hidden or re-laid-out ancestor) is ignored.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      if (el.clientWidth >= 64) setStageWidth(el.clientWidth);
    };
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(measure, 120);
    });
    observer.observe(el);
    measure();
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const target = canvas.current;
    if (!target || stageWidth === 0) return;
    let rendering: ReturnType<typeof renderPage> | null = null;
    let stopped = false;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (stopped) return;
        const base = page.getViewport({ scale: 1 }).width;
        // Fit width: the stage's inner width (less its padding) over the page's width in points.
        const scale = zoom === "fit" ? clampScale((stageWidth - 16) / base) : zoom;
        rendering = renderPage(doc, pageNumber, scale, target, (ctx, w, h) => {
          if (watermark) drawWatermark(ctx, watermark, w, h);
        });
        await rendering.promise;
        if (!stopped) setShownScale(scale);
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      rendering?.cancel();
    };
  }, [doc, pageNumber, zoom, stageWidth, watermark]);

  const go = (n: number) => {
    const next = Math.min(count, Math.max(1, n));
    if (next !== pageNumber && stage.current) stage.current.scrollTop = 0;
    setPageNumber(next);
  };
  const zoomIn = () => setZoom(clampScale(shownScale * STEP));
  const zoomOut = () => setZoom(clampScale(shownScale / STEP));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let action: (() => void) | null = null;
    switch (e.key) {
      case "PageDown":
      case "ArrowRight":
        action = () => go(pageNumber + 1);
        break;
      case "PageUp":
      case "ArrowLeft":
        action = () => go(pageNumber - 1);
        break;
      case "Home":
        action = () => go(1);
        break;
      case "End":
        action = () => go(count);
        break;
      case "+":
      case "=":
        action = zoomIn;
        break;
      case "-":
        action = zoomOut;
        break;
    }
    if (!action) return;
    e.preventDefault();
    action();
  };

  if (failed)
    return (
      <p className="alert alert-error" role="alert">
        {t("viewer.error.damaged")}
      </p>
    );
  const pageLabel = t("viewer.pageOf", { page: pageNumber, count });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys act on the viewer while focus is anywhere in it
    <div className="pdf-viewer-pages" onKeyDown={onKeyDown}>
      <div className="pdf-viewer-toolbar">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go(pageNumber - 1)}
          disabled={pageNumber <= 1}
        >
          {t("viewer.previous")}
        </button>
        <p className="pdf-viewer-status" role="status">
          {pageLabel}
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go(pageNumber + 1)}
          disabled={pageNumber >= count}
        >
          {t("viewer.next")}
        </button>
        <span className="pdf-viewer-zoom">
          <button
            type="button"
            className="button button-secondary"
            onClick={zoomOut}
            disabled={shownScale <= MIN_SCALE}
          >
            {t("viewer.zoomOut")}
          </button>
          <span className="pdf-viewer-zoom-level">
            <span className="visually-hidden">{t("viewer.zoomLevel")} </span>
            {Math.round(shownScale * 100)} %
          </span>
          <button
            type="button"
            className="button button-secondary"
            onClick={zoomIn}
            disabled={shownScale >= MAX_SCALE}
          >
            {t("viewer.zoomIn")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={zoom === "fit"}
            onClick={() => setZoom("fit")}
          >
            {t("viewer.fitWidth")}
          </button>
        </span>
      </div>
      <p className="hint">{t("viewer.keys")}</p>
      {watermark && (
        <p className="pdf-viewer-watermark-note">{t("viewer.watermarkNote", { text: watermark })}</p>
      )}
      <div className="pdf-viewer-body">
        <nav className="pdf-viewer-thumbs" aria-label={t("viewer.thumbnails", { title })}>
          <ol>
            {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
              <PdfThumbnail key={n} doc={doc} pageNumber={n} current={n === pageNumber} onSelect={go} />
            ))}
          </ol>
        </nav>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the page scrolls when zoomed; keyboard users need to reach it */}
        {/* biome-ignore lint/a11y/useSemanticElements: a named, focusable scrolling area, not a form group */}
        <div className="pdf-viewer-stage" ref={stage} tabIndex={0} role="group" aria-label={pageLabel}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={[
              t("viewer.canvasLabel", { page: pageNumber, count, title }),
              watermark ? t("viewer.watermarkLabel", { text: watermark }) : "",
            ]
              .join(" ")
              .trim()}
          />
        </div>
      </div>
    </div>
  );
}
