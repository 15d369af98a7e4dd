import { GlobalWorkerOptions, getDocument } from "pdfjs-dist";
// The worker is bundled and served from our own origin (the CSP allows scripts and workers from 'self').
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

/** pdf.js with its worker set, for the viewer only (loaded with it, never with the rest of the app). */
export { getDocument };
