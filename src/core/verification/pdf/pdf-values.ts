/**
 * The PDF object model used by Sceau's own byte-level reader. It is deliberately small: what the
 * signer and the verifier need, with byte positions kept so signatures can be located exactly.
 */

/** A PDF name, without the leading slash, with #xx escapes decoded. */
export interface PdfName {
  kind: "name";
  value: string;
}

/** A literal `( )` or hexadecimal `< >` string, with its decoded bytes and its position in the file. */
export interface PdfString {
  kind: "string";
  bytes: Uint8Array;
  hex: boolean;
  /** Offset of the opening delimiter. */
  start: number;
  /** Offset just after the closing delimiter. */
  end: number;
}

/** An indirect reference `num gen R`. */
export interface PdfRef {
  kind: "ref";
  num: number;
  gen: number;
}

/** A dictionary, with the span `<< … >>` it was read from. */
export interface PdfDict {
  kind: "dict";
  map: Map<string, PdfValue>;
  start: number;
  end: number;
}

/** A stream: its dictionary and the raw (still encoded) data span. */
export interface PdfStream {
  kind: "stream";
  dict: PdfDict;
  dataStart: number;
  dataEnd: number;
}

/** A bare keyword that is not a value (`obj`, `endobj`, `R`…) — only seen by the tokenizer. */
export type PdfValue =
  | null
  | boolean
  | number
  | PdfName
  | PdfString
  | PdfRef
  | PdfDict
  | PdfStream
  | PdfValue[];

/** Thrown by the reader on malformed input; the verifier turns it into a report. */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = "PdfSyntaxError";
  }
}

export function isName(v: PdfValue | undefined, name?: string): v is PdfName {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    v.kind === "name" &&
    (name === undefined || v.value === name)
  );
}

export function isDict(v: PdfValue | undefined): v is PdfDict {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "dict";
}

export function isStream(v: PdfValue | undefined): v is PdfStream {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "stream";
}

export function isRef(v: PdfValue | undefined): v is PdfRef {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "ref";
}

export function isString(v: PdfValue | undefined): v is PdfString {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "string";
}

export function isInteger(v: PdfValue | undefined): v is number {
  return typeof v === "number" && Number.isSafeInteger(v);
}

/** The dictionary of a dict or a stream value, else null. */
export function dictOf(v: PdfValue | undefined): PdfDict | null {
  if (isDict(v)) return v;
  if (isStream(v)) return v.dict;
  return null;
}

/** Decodes a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding ≈ Latin-1). */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = "";
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(3));
  }
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** Structural equality of two values (positions are ignored). Bounded by `depth`. */
export function valuesEqual(a: PdfValue, b: PdfValue, depth = 0): boolean {
  if (depth > 64) return false;
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i] as PdfValue, depth + 1));
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "name":
      return a.value === (b as PdfName).value;
    case "ref":
      return a.num === (b as PdfRef).num && a.gen === (b as PdfRef).gen;
    case "string":
      return bytesEqual(a.bytes, (b as PdfString).bytes);
    case "dict":
      return dictsEqual(a, b as PdfDict, new Set(), depth);
    case "stream":
      return false; // compared by the caller with the data bytes
  }
}

/** Dictionaries equal except for the keys in `ignore`. */
export function dictsEqual(a: PdfDict, b: PdfDict, ignore: ReadonlySet<string>, depth = 0): boolean {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  for (const k of keys) {
    if (ignore.has(k)) continue;
    const x = a.map.get(k);
    const y = b.map.get(k);
    if (x === undefined || y === undefined) return false;
    if (!valuesEqual(x, y, depth + 1)) return false;
  }
  return true;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
