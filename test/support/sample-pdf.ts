import { PDFDocument, StandardFonts } from "pdf-lib";

export interface SamplePdfOptions {
  /** Text at the top of each page (different titles make different documents). */
  title?: string;
  pages?: number;
  /** pdf-lib's default output uses object streams and an xref stream; false writes a classic xref table. */
  objectStreams?: boolean;
}

/** A small text PDF made on the spot (tests never download fixtures). */
export async function samplePdf(options: SamplePdfOptions = {}): Promise<Uint8Array> {
  const { title = "Relevé de notes — Transcript", pages = 1, objectStreams = true } = options;
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`${title} (${i + 1}/${pages})`, { x: 56, y: 720, size: 18, font });
    for (let l = 0; l < 20; l++)
      page.drawText(`Cours ${l + 1} : 85 %`, { x: 72, y: 680 - l * 20, size: 11, font });
  }
  return doc.save({ useObjectStreams: objectStreams });
}
