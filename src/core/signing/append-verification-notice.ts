import { PdfFile, type PdfReadOptions } from "../verification/pdf/pdf-file.ts";
import {
  isDict,
  isInteger,
  isName,
  isRef,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from "../verification/pdf/pdf-values.ts";
import { appendIncrementalUpdate, nextObjectNumber, ref } from "./incremental-update.ts";
import { serializeValue, textString } from "./pdf-serialize.ts";
import { UnsignablePdfError } from "./prepare-signature-update.ts";
import type { QrMatrix } from "./signing.types.ts";
import { NOTICE_FONTS, verificationNoticeContent } from "./verification-notice-content.ts";

/** What the notice carries: the verification address, its QR code, and the document id. */
export interface VerificationNoticeInput {
  url: string;
  /** The Sceau document id; also embedded as /SceauDocumentId in the Info dictionary. */
  documentId: string;
  /** The QR code of `url`. */
  qr: QrMatrix;
}

const LETTER = { width: 612, height: 792 };
const MIN_SIDE = 300;
const MAX_DEPTH = 32;
const MAX_KIDS_SCANNED = 64;

/**
 * Appends, by incremental update (the original bytes stay a prefix of the output), a page at the
 * end of the document with the visible bilingual verification notice, the size and orientation of
 * the last page as displayed, and records the id in the Info dictionary (/SceauDocumentId), where
 * the verifier reads `document.id`. Appending a page never covers existing content. Pure: no I/O.
 */
export async function appendVerificationNotice(
  pdf: Uint8Array,
  input: VerificationNoticeInput,
  read: PdfReadOptions = {},
): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf, read);
  const trailer = file.trailer;
  if (trailer.map.has("Encrypt")) throw new UnsignablePdfError("encrypted PDF files cannot be signed");
  const rootRef = trailer.map.get("Root");
  if (!isRef(rootRef)) throw new UnsignablePdfError("the trailer has no /Root reference");
  const catalog = await file.getObject(rootRef.num);
  if (!isDict(catalog)) throw new UnsignablePdfError("the catalog is not a dictionary");
  const pagesRef = catalog.map.get("Pages");
  const pages = isRef(pagesRef) ? await file.getObject(pagesRef.num) : undefined;
  if (!isRef(pagesRef) || !isDict(pages) || isName(pages.map.get("Type"), "Page"))
    throw new UnsignablePdfError("the catalog has no page tree");

  const shown = await lastPageSize(file, pagesRef);
  const width = Math.max(shown.width, MIN_SIDE);
  const height = Math.max(shown.height, MIN_SIDE);
  let next = nextObjectNumber(file);
  const pageNum = next++;
  const contentNum = next++;
  const regularNum = next++;
  const boldNum = next++;
  const objects = new Map<number, string>();

  // the page tree root gets the new page as its last kid
  const kidsValue = pages.map.get("Kids");
  const kids = await file.resolve(kidsValue);
  const kidList = Array.isArray(kids) ? kids : [];
  const newKids = [...kidList, ref(pageNum)];
  const newPages = copyDict(pages);
  if (isRef(kidsValue) && Array.isArray(kids)) objects.set(kidsValue.num, serializeValue(newKids));
  else newPages.map.set("Kids", newKids);
  const count = await file.resolve(pages.map.get("Count"));
  newPages.map.set("Count", (isInteger(count) && count >= 0 ? count : kidList.length) + 1);
  objects.set(pagesRef.num, serializeValue(newPages));

  const box = `[0 0 ${round(width)} ${round(height)}]`;
  objects.set(
    pageNum,
    `<< /Type /Page /Parent ${pagesRef.num} ${pagesRef.gen} R /MediaBox ${box} /CropBox ${box} /Rotate 0` +
      ` /Resources << /Font << /${NOTICE_FONTS.regular} ${regularNum} 0 R /${NOTICE_FONTS.bold} ${boldNum} 0 R >>` +
      ` /ProcSet [/PDF /Text] >> /Contents ${contentNum} 0 R >>`,
  );
  const content = verificationNoticeContent({ width, height, ...input });
  objects.set(contentNum, `<< /Length ${content.length} >>\nstream\n${content}endstream`);
  objects.set(regularNum, standardFont("Helvetica"));
  objects.set(boldNum, standardFont("Helvetica-Bold"));

  // the Info dictionary carries the id
  const infoValue = trailer.map.get("Info");
  const info = isRef(infoValue) ? await file.getObject(infoValue.num) : undefined;
  const newInfo = isDict(info)
    ? copyDict(info)
    : copyDict({ kind: "dict", map: new Map(), start: 0, end: 0 });
  newInfo.map.delete("SceauDocumentId");
  if (!newInfo.map.has("Producer")) newInfo.map.set("Producer", asciiString("Sceau"));
  const infoText = `${serializeValue(newInfo).slice(0, -2)}/SceauDocumentId ${textString(input.documentId)} >>`;
  const trailerUpdate = new Map<string, PdfValue>();
  if (isRef(infoValue) && isDict(info)) objects.set(infoValue.num, infoText);
  else {
    const infoNum = next++;
    objects.set(infoNum, infoText);
    trailerUpdate.set("Info", ref(infoNum));
  }
  return appendIncrementalUpdate(pdf, file, objects, next, trailerUpdate);
}

/** The last page's size as displayed (MediaBox, inherited or not, turned by /Rotate). */
async function lastPageSize(file: PdfFile, root: PdfRef): Promise<{ width: number; height: number }> {
  let size: { width: number; height: number } | null = null;
  let rotate = 0;
  let node: PdfValue | undefined = root;
  for (let depth = 0; depth < MAX_DEPTH && node !== undefined; depth++) {
    const dict = await file.resolveDict(node);
    if (!dict) break;
    size = (await boxSize(file, dict.map.get("MediaBox"))) ?? size;
    const r = await file.resolve(dict.map.get("Rotate"));
    if (isInteger(r)) rotate = r;
    if (isName(dict.map.get("Type"), "Page") || !dict.map.has("Kids")) break;
    const kids = await file.resolve(dict.map.get("Kids"));
    node = Array.isArray(kids) ? await lastNonEmptyKid(file, kids) : undefined;
  }
  const s = size ?? LETTER;
  return (((rotate % 360) + 360) % 360) % 180 === 90 ? { width: s.height, height: s.width } : s;
}

async function lastNonEmptyKid(file: PdfFile, kids: PdfValue[]): Promise<PdfValue | undefined> {
  for (let i = kids.length - 1; i >= 0 && i >= kids.length - MAX_KIDS_SCANNED; i--) {
    const kid = await file.resolveDict(kids[i]);
    if (!kid) continue;
    const count = await file.resolve(kid.map.get("Count"));
    if (isName(kid.map.get("Type"), "Page") || !kid.map.has("Kids") || !isInteger(count) || count > 0)
      return kids[i];
  }
  return undefined;
}

async function boxSize(
  file: PdfFile,
  value: PdfValue | undefined,
): Promise<{ width: number; height: number } | null> {
  const box = await file.resolve(value);
  if (!Array.isArray(box) || box.length !== 4) return null;
  const n: number[] = [];
  for (const v of box) {
    const x = await file.resolve(v);
    if (typeof x !== "number" || !Number.isFinite(x)) return null;
    n.push(x);
  }
  const [x0, y0, x1, y1] = n as [number, number, number, number];
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  return width > 0 && height > 0
    ? { width: Math.min(width, 14_400), height: Math.min(height, 14_400) }
    : null;
}

function standardFont(name: string): string {
  return `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
}

function copyDict(d: PdfDict): PdfDict {
  return { kind: "dict", map: new Map(d.map), start: 0, end: 0 };
}

function asciiString(text: string): PdfValue {
  return { kind: "string", bytes: new TextEncoder().encode(text), hex: false, start: 0, end: 0 };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
