import type { PdfFile } from "../verification/pdf/pdf-file.ts";
import { isInteger, type PdfRef, type PdfValue } from "../verification/pdf/pdf-values.ts";
import { serializeValue } from "./pdf-serialize.ts";

/** The generation number of object `num` in `file` (0 when absent or compressed). */
export function genOf(file: PdfFile, num: number): number {
  const e = file.entries.get(num);
  return e?.type === "n" ? e.gen : 0;
}

/** The first object number an incremental update of `file` may use. */
export function nextObjectNumber(file: PdfFile): number {
  const size = file.trailer.map.get("Size");
  let next = isInteger(size) ? size : 0;
  for (const n of file.entries.keys()) if (n >= next) next = n + 1;
  return next;
}

/** A reference to generation 0 of `num`. */
export function ref(num: number): PdfRef {
  return { kind: "ref", num, gen: 0 };
}

/**
 * The cross-reference section, trailer and `startxref` that close an incremental update of `file`:
 * an xref stream when the newest section is one (and not a hybrid file), else a classic table.
 * `offsets` maps every object written by the update to its offset; `size` is the first unused
 * object number (the xref stream takes it); `trailer` overrides entries copied from the old
 * trailer (/Root, /Info, /ID).
 */
export function closeIncrementalUpdate(
  file: PdfFile,
  offsets: Map<number, number>,
  size: number,
  xrefAt: number,
  trailer: ReadonlyMap<string, PdfValue> = new Map(),
): string {
  const trailerMap = new Map<string, PdfValue>();
  for (const k of ["Root", "Info", "ID"]) {
    const v = trailer.get(k) ?? file.trailer.map.get(k);
    if (v !== undefined) trailerMap.set(k, v);
  }
  const useStream = file.sections[0]?.kind === "stream" && !file.trailer.map.has("XRefStm");
  const gen = (n: number) => genOf(file, n);
  let text: string;
  if (useStream) {
    const all = new Map(offsets).set(size, xrefAt);
    text = xrefStream(size, all, size + 1, trailerMap, file.startxref, gen);
  } else {
    trailerMap.set("Size", size);
    trailerMap.set("Prev", file.startxref);
    text = `${xrefTable(offsets, gen)}trailer\n${serializeValue({ kind: "dict", map: trailerMap, start: 0, end: 0 })}\n`;
  }
  return `${text}startxref\n${xrefAt}\n%%EOF\n`;
}

/** Runs of consecutive object numbers: [first, count] pairs over the sorted numbers. */
function runs(nums: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
    out.push([nums[i] as number, j - i + 1]);
    i = j + 1;
  }
  return out;
}

function xrefTable(offsets: Map<number, number>, gen: (n: number) => number): string {
  let s = "xref\n";
  for (const [first, count] of runs([...offsets.keys()].sort((a, b) => a - b))) {
    s += `${first} ${count}\n`;
    for (let n = first; n < first + count; n++)
      s += `${String(offsets.get(n)).padStart(10, "0")} ${String(gen(n)).padStart(5, "0")} n\r\n`;
  }
  return s;
}

function xrefStream(
  num: number,
  offsets: Map<number, number>,
  size: number,
  trailer: Map<string, PdfValue>,
  prev: number,
  gen: (n: number) => number,
): string {
  const index: number[] = [];
  let data = "";
  for (const [first, count] of runs([...offsets.keys()].sort((a, b) => a - b))) {
    index.push(first, count);
    for (let n = first; n < first + count; n++) {
      const off = offsets.get(n) as number;
      const g = n === num ? 0 : gen(n);
      data += String.fromCharCode(
        1,
        (off >>> 24) & 255,
        (off >>> 16) & 255,
        (off >>> 8) & 255,
        off & 255,
        g >> 8,
        g & 255,
      );
    }
  }
  const dict = new Map<string, PdfValue>([
    ["Type", { kind: "name", value: "XRef" }],
    ["Size", size],
    ["Index", index],
    ["W", [1, 4, 2]],
    ["Prev", prev],
    ["Length", data.length],
  ]);
  for (const [k, v] of trailer) dict.set(k, v);
  return `${num} 0 obj\n${serializeValue({ kind: "dict", map: dict, start: 0, end: 0 })}\nstream\n${data}\nendstream\nendobj\n`;
}

/**
 * Appends `objects` (number → serialized body; every character below U+0100) to `pdf` as one
 * incremental update of `file`, closed by {@link closeIncrementalUpdate}. The original bytes are
 * kept unchanged as the output's prefix.
 */
export function appendIncrementalUpdate(
  pdf: Uint8Array,
  file: PdfFile,
  objects: ReadonlyMap<number, string>,
  size: number,
  trailer?: ReadonlyMap<string, PdfValue>,
): Uint8Array {
  const base = pdf.length;
  let text = pdf[base - 1] !== 10 && pdf[base - 1] !== 13 ? "\n" : "";
  const offsets = new Map<number, number>();
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, base + text.length);
    text += `${num} ${genOf(file, num)} obj\n${body}\nendobj\n`;
  }
  const close = closeIncrementalUpdate(file, offsets, size, base + text.length, trailer);
  const out = new Uint8Array(base + text.length + close.length);
  out.set(pdf, 0);
  // the objects are ASCII (serialized values, content streams): encodeInto is then a plain copy
  const { written } = ASCII.encodeInto(text, out.subarray(base));
  if (written !== text.length) latin1Into(text, out, base);
  latin1Into(close, out, base + text.length);
  return out;
}

const ASCII = new TextEncoder();

function latin1Into(text: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
}
