import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

/** A page drawn at a scale; cancel() stops it (the promise then rejects). */
export interface PageRendering {
  promise: Promise<void>;
  cancel: () => void;
}

/**
 * Renders a page into an offscreen canvas at `scale` CSS pixels per PDF point (sharp on high
 * density screens), then copies it onto `target` and lets `after` draw over it (the watermark).
 * The visible canvas keeps the previous page until the new one is ready.
 */
export function renderPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
  target: HTMLCanvasElement,
  after?: (ctx: CanvasRenderingContext2D, width: number, height: number) => void,
): PageRendering {
  let task: RenderTask | null = null;
  let cancelled = false;
  const promise = (async () => {
    const page = await doc.getPage(pageNumber);
    if (cancelled) throw new Error("cancelled");
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    const offscreen = document.createElement("canvas");
    offscreen.width = Math.max(1, Math.floor(viewport.width));
    offscreen.height = Math.max(1, Math.floor(viewport.height));
    task = page.render({ canvas: offscreen, viewport });
    await task.promise;
    if (cancelled) throw new Error("cancelled");
    target.width = offscreen.width;
    target.height = offscreen.height;
    target.style.width = `${Math.floor(viewport.width / ratio)}px`;
    target.style.height = `${Math.floor(viewport.height / ratio)}px`;
    const ctx = target.getContext("2d");
    if (!ctx) return;
    ctx.drawImage(offscreen, 0, 0);
    after?.(ctx, target.width, target.height);
  })();
  return {
    promise,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
