import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useState } from "react";
import { getDocument } from "./pdfjs.ts";

export type PdfDocumentState =
  | { status: "loading" }
  /** unavailable: the file could not be fetched; damaged: pdf.js could not read it. */
  | { status: "error"; reason: "unavailable" | "damaged" }
  | { status: "ready"; doc: PDFDocumentProxy };

/** Fetches a PDF from our own API (with this browser's cookies) and opens it with pdf.js. */
export function usePdfDocument(url: string): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    setState({ status: "loading" });
    const load = async () => {
      let data: Uint8Array;
      try {
        const res = await fetch(url, { credentials: "same-origin", headers: { accept: "application/pdf" } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        data = new Uint8Array(await res.arrayBuffer());
      } catch {
        if (!cancelled) setState({ status: "error", reason: "unavailable" });
        return;
      }
      if (cancelled) return;
      try {
        task = getDocument({ data, isEvalSupported: false, enableXfa: false, stopAtErrors: true });
        const doc = await task.promise;
        if (!cancelled) setState({ status: "ready", doc });
      } catch {
        if (!cancelled) setState({ status: "error", reason: "damaged" });
      }
    };
    void load();
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [url]);
  return state;
}
