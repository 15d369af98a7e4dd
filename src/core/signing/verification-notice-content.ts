import { encodeWinAnsi, helveticaCharWidth, helveticaWidth } from "./helvetica-metrics.ts";
import { hexString } from "./pdf-serialize.ts";
import type { QrMatrix } from "./signing.types.ts";

/** What one notice page shows, and its size in points. */
export interface VerificationNoticeLayout {
  width: number;
  height: number;
  /** The document's public verification page (the QR code's target). */
  url: string;
  documentId: string;
  qr: QrMatrix;
}

/** Font resource names the content stream uses: /F1 Helvetica, /F2 Helvetica-Bold (WinAnsiEncoding). */
export const NOTICE_FONTS = { regular: "F1", bold: "F2" } as const;

const MARGIN = 48;
const QR_SIZE = 132;
const QR_QUIET_MODULES = 2;
const TEXT_GAP = 20;
const TEXT_COLOR = "0.1 0.1 0.15 rg";
/** Narrowest text column beside the QR code (the headline fits in it unwrapped). */
const MIN_TEXT_WIDTH = 210;

/** A line of the notice: WinAnsi text (empty: a gap of `size` points), its size and weight. */
type Line = [Uint8Array, number, boolean];

const line = (text: string, size: number, bold = false): Line => [encodeWinAnsi(text), size, bold];

/** Fixed lines of the notice, French first, encoded once. */
const HEADLINES: Line[] = [
  line("Document certifié — vérifiez-le", 13, true),
  line("Certified document — verify it", 13, true),
];
const EXPLANATIONS: Line[] = [
  line("Balayez le code QR ou ouvrez l'adresse pour comparer ce fichier au registre de l'établissement.", 8),
  line("Scan the QR code or open the address to compare this file with the institution's registry.", 8),
];
const GAP = line("", 6);

/**
 * The content stream of the verification notice page: a vector QR code of the URL in the top-left
 * corner (one filled path, a rectangle per run of dark modules) and, beside it (under it on a
 * narrow page), the bilingual headline, the verification address, the document id and a short
 * explanation, in Helvetica; lines wrap at spaces, and an address too long for a line is cut.
 */
export function verificationNoticeContent(layout: VerificationNoticeLayout): string {
  const top = layout.height - MARGIN;
  // beside the QR code; on a page too narrow for that, under it
  const beside = layout.width - 2 * MARGIN - QR_SIZE - TEXT_GAP >= MIN_TEXT_WIDTH;
  const x = beside ? MARGIN + QR_SIZE + TEXT_GAP : MARGIN;
  const maxWidth = Math.max(layout.width - x - MARGIN, 40);
  const lines: Line[] = [
    ...HEADLINES,
    GAP,
    line(`Vérification / Verification : ${layout.url}`, 9),
    line(`N° du document / Document ID : ${layout.documentId}`, 9),
    GAP,
    ...EXPLANATIONS,
  ];
  let text = `BT\n${TEXT_COLOR}\n`;
  let y = beside ? top - 14 : top - QR_SIZE - TEXT_GAP - 14;
  let font = "";
  for (const [bytes, size, bold] of lines) {
    if (bytes.length === 0) {
      y -= size;
      continue;
    }
    const wanted = `/${bold ? NOTICE_FONTS.bold : NOTICE_FONTS.regular} ${size} Tf\n`;
    if (wanted !== font) text += font = wanted;
    for (const part of wrap(bytes, size, bold, maxWidth)) {
      text += `1 0 0 1 ${num(x)} ${num(y)} Tm ${hexString(part)} Tj\n`;
      y -= size * 1.35;
    }
  }
  text += "ET\n";
  return qrPath(layout.qr, MARGIN, top - QR_SIZE, QR_SIZE) + text;
}

/** The QR code as one filled path in module units, scaled into the square at (x, y) of side `side`. */
function qrPath(qr: QrMatrix, x: number, y: number, side: number): string {
  const n = qr.size;
  const span = n + 2 * QR_QUIET_MODULES;
  const cell = side / span;
  let s = `q\n0 g\n${num(cell)} 0 0 ${num(cell)} ${num(x)} ${num(y)} cm\n`;
  for (let r = 0; r < n; r++) {
    const row = r * n;
    const py = span - QR_QUIET_MODULES - 1 - r;
    for (let c = 0; c < n; ) {
      if (!qr.modules[row + c]) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < n && qr.modules[row + c + run]) run++;
      s += `${c + QR_QUIET_MODULES} ${py} ${run} 1 re\n`;
      c += run;
    }
  }
  return `${s}f\nQ\n`;
}

const SPACE = 0x20;

/** Breaks encoded text into lines no wider than `max` at spaces; a word wider than a line is cut. */
function wrap(bytes: Uint8Array, size: number, bold: boolean, max: number): Uint8Array[] {
  if (helveticaWidth(bytes, size, bold) <= max) return [bytes];
  const out: Uint8Array[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    let lastBreak = -1;
    let width = 0;
    while (end < bytes.length) {
      const w = (helveticaCharWidth(bytes[end] as number, bold) * size) / 1000;
      if (width + w > max) break;
      if (bytes[end] === SPACE) lastBreak = end;
      width += w;
      end++;
    }
    if (end === bytes.length) {
      out.push(bytes.subarray(start));
      break;
    }
    if (bytes[end] === SPACE) lastBreak = end;
    const cut = lastBreak > start ? lastBreak : Math.max(end, start + 1);
    out.push(bytes.subarray(start, cut));
    start = cut;
    while (bytes[start] === SPACE) start++;
  }
  return out;
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
