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

/**
 * A hand-written classic PDF whose page tree is nested: root → [A: pages 1–2, B: page 3], with the
 * root's /Kids an indirect array, A4 inherited by B and its page turned by an inherited /Rotate 90,
 * and no Info dictionary. `encrypted` adds an /Encrypt entry to the trailer.
 */
export function pageTreePdf(options: { encrypted?: boolean } = {}): Uint8Array {
  const content = (n: number) => `BT /F1 18 Tf 72 700 Td (Page ${n}) Tj ET`;
  const page = (parent: number, contents: number) =>
    `<< /Type /Page /Parent ${parent} 0 R /Contents ${contents} 0 R /Resources << /Font << /F1 12 0 R >> >> >>`;
  const stream = (text: string) => `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids 3 0 R /Count 3 /MediaBox [0 0 612 792] >>",
    "[4 0 R 5 0 R]",
    "<< /Type /Pages /Parent 2 0 R /Kids [6 0 R 7 0 R] /Count 2 >>",
    "<< /Type /Pages /Parent 2 0 R /Kids [8 0 R] /Count 1 /MediaBox [0 0 595 842] /Rotate 90 >>",
    page(4, 9),
    page(4, 10),
    page(5, 11),
    stream(content(1)),
    stream(content(2)),
    stream(content(3)),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  const encrypt = options.encrypted ? " /Encrypt << /Filter /Standard /V 1 /R 2 >> /ID [<00> <00>]" : "";
  return classicPdf(objects, `/Root 1 0 R${encrypt}`);
}

/**
 * A PDF written by hand with a classic cross-reference table: `objects[i]` is object i + 1
 * (bodies in Latin-1); `trailer` adds entries beside /Size (at least /Root).
 */
export function classicPdf(objects: readonly string[], trailer: string): Uint8Array {
  let out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n\r\n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
