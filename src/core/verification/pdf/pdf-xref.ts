import { lastIndexOfAscii } from "./byte-search.ts";
import { isWhite, PdfLexer, readIndirectObject } from "./pdf-parser.ts";
import {
  isDict,
  isInteger,
  isName,
  isStream,
  type PdfDict,
  PdfSyntaxError,
  type PdfValue,
} from "./pdf-values.ts";

/** One cross-reference entry: in use at an offset, free, or compressed in an object stream. */
export type XrefEntry =
  | { type: "n"; offset: number; gen: number }
  | { type: "f" }
  | { type: "c"; stream: number; index: number };

/** One cross-reference section (a classic table with its trailer, or an xref stream). */
export interface XrefSection {
  offset: number;
  kind: "table" | "stream";
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset just after the section (after the trailer dictionary, or after `endobj`). */
  end: number;
  /** How many object numbers the section lists more than once (readers disagree on which wins). */
  duplicates: number;
}

export type StreamDecoder = (value: PdfValue) => Promise<Uint8Array>;

/** Upper bound on the number of xref entries a file may declare (protects memory). */
export const MAX_XREF_ENTRIES = 1_000_000;

/** Finds the value after the last `startxref` keyword in the file's tail. */
export function findStartXref(bytes: Uint8Array, end = bytes.length): number {
  const at = lastIndexOfAscii(bytes, "startxref", end);
  if (at < 0 || end - at > 4096) throw new PdfSyntaxError("startxref not found", end);
  const lx = new PdfLexer(bytes, at + 9);
  const n = lx.readUInt();
  if (n === null || n >= bytes.length) throw new PdfSyntaxError("bad startxref", at);
  return n;
}

/** Reads a classic `xref` table and its trailer at `offset`. */
export function readXrefTable(bytes: Uint8Array, offset: number): XrefSection {
  const lx = new PdfLexer(bytes, offset);
  lx.expectKeyword("xref");
  const entries = new Map<number, XrefEntry>();
  let duplicates = 0;
  for (;;) {
    const first = lx.readUInt();
    if (first === null) break;
    const count = lx.readUInt();
    if (count === null || first + count > MAX_XREF_ENTRIES)
      throw new PdfSyntaxError("bad xref subsection", lx.pos);
    for (let i = 0; i < count; i++) {
      const e = readTableEntry(bytes, lx);
      if (!entries.has(first + i)) entries.set(first + i, e);
      else duplicates++;
    }
  }
  lx.expectKeyword("trailer");
  const trailer = lx.readValue();
  if (!isDict(trailer)) throw new PdfSyntaxError("trailer is not a dictionary", lx.pos);
  return { offset, kind: "table", entries, trailer, end: lx.pos, duplicates };
}

function readTableEntry(bytes: Uint8Array, lx: PdfLexer): XrefEntry {
  const off = lx.readUInt();
  const gen = lx.readUInt();
  lx.skipWs();
  const t = bytes[lx.pos];
  if (off === null || gen === null || (t !== 110 && t !== 102))
    throw new PdfSyntaxError("bad xref entry", lx.pos);
  lx.pos++;
  if (!isWhite(bytes[lx.pos]) && lx.pos < bytes.length) throw new PdfSyntaxError("bad xref entry", lx.pos);
  return t === 110 ? { type: "n", offset: off, gen } : { type: "f" };
}

/** Reads a cross-reference stream object at `offset`. */
export async function readXrefStream(
  bytes: Uint8Array,
  offset: number,
  decode: StreamDecoder,
): Promise<XrefSection> {
  const obj = readIndirectObject(bytes, offset);
  const s = obj.value;
  if (!isStream(s) || !isName(s.dict.map.get("Type"), "XRef"))
    throw new PdfSyntaxError("not an xref stream", offset);
  const d = s.dict.map;
  const w = d.get("W");
  const size = d.get("Size");
  if (
    !Array.isArray(w) ||
    w.length !== 3 ||
    !w.every((x) => isInteger(x) && x >= 0 && x <= 8) ||
    !isInteger(size)
  )
    throw new PdfSyntaxError("bad xref stream dictionary", offset);
  const [w0, w1, w2] = w as [number, number, number];
  const index = d.get("Index") ?? [0, size];
  if (!Array.isArray(index) || index.length % 2 !== 0 || !index.every((x) => isInteger(x) && x >= 0))
    throw new PdfSyntaxError("bad xref stream index", offset);
  const data = await decode(s);
  const rowLen = w0 + w1 + w2;
  if (rowLen === 0) throw new PdfSyntaxError("bad xref stream widths", offset);
  const entries = new Map<number, XrefEntry>();
  let duplicates = 0;
  let p = 0;
  for (let k = 0; k < index.length; k += 2) {
    const first = index[k] as number;
    const count = index[k + 1] as number;
    if (first + count > MAX_XREF_ENTRIES) throw new PdfSyntaxError("too many xref entries", offset);
    for (let i = 0; i < count && p + rowLen <= data.length; i++) {
      const type = w0 === 0 ? 1 : readBE(data, p, w0);
      const f2 = readBE(data, p + w0, w1);
      const f3 = readBE(data, p + w0 + w1, w2);
      p += rowLen;
      const num = first + i;
      if (entries.has(num)) {
        duplicates++;
        continue;
      }
      if (type === 0) entries.set(num, { type: "f" });
      else if (type === 1) entries.set(num, { type: "n", offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { type: "c", stream: f2, index: f3 });
    }
  }
  return { offset, kind: "stream", entries, trailer: s.dict, end: obj.end, duplicates };
}

function readBE(data: Uint8Array, p: number, w: number): number {
  let v = 0;
  for (let i = 0; i < w; i++) v = v * 256 + (data[p + i] ?? 0);
  return v;
}

/** Reads the section at `offset`, whichever its kind. */
export async function readXrefSection(
  bytes: Uint8Array,
  offset: number,
  decode: StreamDecoder,
): Promise<XrefSection> {
  const lx = new PdfLexer(bytes, offset);
  if (lx.peekRegular() === "xref") return readXrefTable(bytes, offset);
  return readXrefStream(bytes, offset, decode);
}

/**
 * Reads the chain of sections from `startxref` following /Prev (and /XRefStm of hybrid files),
 * newest first. Loops and over-long chains are errors.
 */
export async function readXrefChain(
  bytes: Uint8Array,
  startxref: number,
  decode: StreamDecoder,
  maxSections = 512,
): Promise<XrefSection[]> {
  const out: XrefSection[] = [];
  const seen = new Set<number>();
  let next: number | null = startxref;
  while (next !== null) {
    if (seen.has(next) || out.length >= maxSections)
      throw new PdfSyntaxError("xref chain loops or is too long", next);
    seen.add(next);
    const section = await readXrefSection(bytes, next, decode);
    out.push(section);
    const stm = section.trailer.map.get("XRefStm");
    if (section.kind === "table" && isInteger(stm) && !seen.has(stm) && stm < bytes.length) {
      seen.add(stm);
      out.push(await readXrefStream(bytes, stm, decode));
    }
    const prev = section.trailer.map.get("Prev");
    next = isInteger(prev) && prev >= 0 && prev < bytes.length ? prev : null;
  }
  return out;
}
