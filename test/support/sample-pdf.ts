import { PDFDocument, StandardFonts } from "pdf-lib";

/** A small text PDF made on the spot (tests never download fixtures). */
export async function samplePdf(title = "Relevé de notes — Transcript", pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`${title} (${i + 1}/${pages})`, { x: 56, y: 720, size: 18, font });
  }
  return doc.save();
}
