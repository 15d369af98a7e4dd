import {
  fill,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingRgbColor,
} from "pdf-lib";
import { create as createQr } from "qrcode";
import type { Bilingual } from "../../core/i18n.types.ts";

/** What the visible verification notice says. */
export interface VerificationStampInput {
  /** The document's public verification page (the QR code's target). */
  url: string;
  /** The Sceau document id; also embedded as /SceauDocumentId in the Info dictionary. */
  documentId: string;
  /** Headline; default "Document certifié — vérifiez-le" / "Certified document — verify it". */
  lines?: Bilingual;
}

const DEFAULT_LINES: Bilingual = {
  fr: "Document certifié — vérifiez-le",
  en: "Certified document — verify it",
};

/**
 * Adds, before signing, a visible bilingual verification notice with a vector QR code of `url` and
 * the document id, on a page appended at the end (same size as the last page) — so it can never
 * cover existing content — and records the id in the Info dictionary (/SceauDocumentId) for the
 * verifier's `document.id`.
 */
export async function addVerificationStamp(
  pdf: Uint8Array,
  input: VerificationStampInput,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const lines = input.lines ?? DEFAULT_LINES;
  const pages = doc.getPages();
  const last = pages[pages.length - 1];
  const { width, height } = last ? last.getSize() : { width: 612, height: 792 };
  const page = doc.addPage([Math.max(width, 300), Math.max(height, 300)]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 48;
  const qrSize = 132;
  const top = page.getHeight() - margin;
  drawQr(page, input.url, margin, top - qrSize, qrSize);
  const x = margin + qrSize + 20;
  const maxWidth = page.getWidth() - x - margin;
  let y = top - 14;
  const write = (text: string, size: number, f = font) => {
    for (const line of wrap(text, (t) => f.widthOfTextAtSize(t, size), maxWidth)) {
      page.drawText(line, { x, y, size, font: f, color: rgb(0.1, 0.1, 0.15) });
      y -= size * 1.35;
    }
  };
  write(lines.fr, 13, bold);
  write(lines.en, 13, bold);
  y -= 6;
  write(`Vérification / Verification : ${input.url}`, 9);
  write(`N° du document / Document ID : ${input.documentId}`, 9);
  y -= 6;
  write("Balayez le code QR ou ouvrez l'adresse pour comparer ce fichier au registre de l'établissement.", 8);
  write("Scan the QR code or open the address to compare this file with the institution's registry.", 8);
  doc.setProducer(doc.getProducer() ?? "Sceau");
  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef ? doc.context.lookup(infoRef) : undefined;
  if (info && "set" in info && typeof info.set === "function")
    (info as { set(k: PDFName, v: PDFString): void }).set(
      PDFName.of("SceauDocumentId"),
      PDFString.of(input.documentId),
    );
  return doc.save({ useObjectStreams: false });
}

/** Draws the QR code as one filled path (one rectangle per run of dark modules): far cheaper than a shape per module. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const qr = createQr(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < n && qr.modules.get(r, c + run)) run++;
      ops.push(rectangle(x + (quiet + c) * cell, y + size - (quiet + r + 1) * cell, run * cell, cell));
      c += run;
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

function wrap(text: string, measure: (t: string) => number, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}
