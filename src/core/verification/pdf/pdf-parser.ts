import { indexOfAscii } from "./byte-search.ts";
import { type PdfDict, type PdfName, type PdfString, PdfSyntaxError, type PdfValue } from "./pdf-values.ts";

/** Maximum nesting of arrays and dictionaries; deeper input is rejected, never recursed into. */
export const MAX_NESTING = 48;

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;

export function isWhite(c: number | undefined): boolean {
  return c !== undefined && WS[c] === 1;
}

function isRegular(c: number | undefined): boolean {
  return c !== undefined && WS[c] === 0 && DELIM[c] === 0;
}

/** A cursor over the file's bytes. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  /** Skips white space and comments. */
  skipWs(): void {
    const b = this.bytes;
    let p = this.pos;
    while (p < b.length) {
      const c = b[p] as number;
      if (WS[c] === 1) p++;
      else if (c === 37 /* % */) {
        while (p < b.length && b[p] !== 10 && b[p] !== 13) p++;
      } else break;
    }
    this.pos = p;
  }

  /** Reads a regular token (keyword or number) without consuming anything else. */
  peekRegular(): string {
    this.skipWs();
    let p = this.pos;
    const b = this.bytes;
    while (p < b.length && isRegular(b[p]) && p - this.pos < 64) p++;
    let s = "";
    for (let i = this.pos; i < p; i++) s += String.fromCharCode(b[i] as number);
    return s;
  }

  /** Consumes `word` if it is the next regular token. */
  eatKeyword(word: string): boolean {
    const save = this.pos;
    if (this.peekRegular() === word) {
      this.pos += word.length;
      return true;
    }
    this.pos = save;
    return false;
  }

  expectKeyword(word: string): void {
    if (!this.eatKeyword(word)) throw new PdfSyntaxError(`expected "${word}"`, this.pos);
  }

  /** Reads a non-negative integer token, or returns null and leaves the cursor. */
  readUInt(): number | null {
    const save = this.pos;
    const t = this.peekRegular();
    if (/^\d{1,15}$/.test(t)) {
      this.pos += t.length;
      return Number(t);
    }
    this.pos = save;
    return null;
  }

  /** Parses one value. `depth` bounds nesting. */
  readValue(depth = 0): PdfValue {
    if (depth > MAX_NESTING) throw new PdfSyntaxError("nesting too deep", this.pos);
    this.skipWs();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError("unexpected end of file", this.pos);
    if (c === 47 /* / */) return this.readName();
    if (c === 40 /* ( */) return this.readLiteralString();
    if (c === 60 /* < */) {
      if (b[this.pos + 1] === 60) return this.readDict(depth);
      return this.readHexString();
    }
    if (c === 91 /* [ */) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (this.pos >= b.length) throw new PdfSyntaxError("unterminated array", this.pos);
        if (b[this.pos] === 93) {
          this.pos++;
          return arr;
        }
        arr.push(this.readValue(depth + 1));
      }
    }
    const tok = this.peekRegular();
    if (tok === "") throw new PdfSyntaxError(`unexpected byte ${c}`, this.pos);
    if (tok === "true" || tok === "false") {
      this.pos += tok.length;
      return tok === "true";
    }
    if (tok === "null") {
      this.pos += 4;
      return null;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) {
      this.pos += tok.length;
      const n = Number(tok);
      if (/^\d+$/.test(tok)) {
        // maybe "num gen R"
        const save = this.pos;
        const gen = this.readUInt();
        if (gen !== null && this.eatKeyword("R")) return { kind: "ref", num: n, gen };
        this.pos = save;
      }
      return n;
    }
    throw new PdfSyntaxError(`unexpected token "${tok.slice(0, 20)}"`, this.pos);
  }

  readName(): PdfName {
    const b = this.bytes;
    let p = this.pos + 1;
    let s = "";
    while (p < b.length && isRegular(b[p])) {
      const ch = b[p] as number;
      if (ch === 35 /* # */ && p + 2 < b.length) {
        const hex = String.fromCharCode(b[p + 1] as number, b[p + 2] as number);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          s += String.fromCharCode(Number.parseInt(hex, 16));
          p += 3;
          continue;
        }
      }
      s += String.fromCharCode(ch);
      p++;
      if (s.length > 512) throw new PdfSyntaxError("name too long", p);
    }
    this.pos = p;
    return { kind: "name", value: s };
  }

  readHexString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    let p = start + 1;
    const end = b.indexOf(62 /* > */, p);
    if (end < 0) throw new PdfSyntaxError("unterminated hex string", start);
    const out = new Uint8Array((end - p + 1) >> 1);
    let n = 0;
    let hi = -1;
    for (; p < end; p++) {
      const c = b[p] as number;
      let v: number;
      if (c >= 48 && c <= 57) v = c - 48;
      else if (c >= 65 && c <= 70) v = c - 55;
      else if (c >= 97 && c <= 102) v = c - 87;
      else if (WS[c] === 1) continue;
      else throw new PdfSyntaxError("bad hex digit", p);
      if (hi < 0) hi = v;
      else {
        out[n++] = (hi << 4) | v;
        hi = -1;
      }
    }
    if (hi >= 0) out[n++] = hi << 4;
    this.pos = end + 1;
    return { kind: "string", bytes: out.subarray(0, n), hex: true, start, end: end + 1 };
  }

  readLiteralString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    let p = start + 1;
    let depth = 1;
    const out: number[] = [];
    while (p < b.length) {
      const c = b[p++] as number;
      if (c === 92 /* \ */) {
        const e = b[p++];
        if (e === undefined) break;
        const map: Record<number, number> = {
          110: 10,
          114: 13,
          116: 9,
          98: 8,
          102: 12,
          40: 40,
          41: 41,
          92: 92,
        };
        if (map[e] !== undefined) out.push(map[e] as number);
        else if (e >= 48 && e <= 55) {
          let v = e - 48;
          for (let k = 0; k < 2 && (b[p] ?? 0) >= 48 && (b[p] ?? 0) <= 55; k++)
            v = v * 8 + ((b[p++] as number) - 48);
          out.push(v & 0xff);
        } else if (e === 13) {
          if (b[p] === 10) p++;
        } else if (e !== 10) out.push(e);
      } else if (c === 40) {
        depth++;
        out.push(c);
      } else if (c === 41) {
        depth--;
        if (depth === 0) {
          this.pos = p;
          return { kind: "string", bytes: Uint8Array.from(out), hex: false, start, end: p };
        }
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError("unterminated string", start);
  }

  readDict(depth: number): PdfDict {
    const b = this.bytes;
    const start = this.pos;
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWs();
      if (this.pos >= b.length) throw new PdfSyntaxError("unterminated dictionary", start);
      if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
        this.pos += 2;
        return { kind: "dict", map, start, end: this.pos };
      }
      if (b[this.pos] !== 47) throw new PdfSyntaxError("dictionary key is not a name", this.pos);
      const key = this.readName().value;
      const value = this.readValue(depth + 1);
      if (map.size > 4096) throw new PdfSyntaxError("dictionary too large", this.pos);
      map.set(key, value);
    }
  }
}

/** The result of reading `num gen obj … endobj` at an offset. Streams are returned with their span. */
export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offset just after `endobj` (or after the value when `endobj` is missing). */
  end: number;
}

/**
 * Reads the indirect object at `offset`. `streamLength` resolves an indirect /Length (or returns
 * null); when the length is unusable the data runs to the next `endstream`.
 */
export function readIndirectObject(
  bytes: Uint8Array,
  offset: number,
  streamLength?: (v: PdfValue) => number | null,
): IndirectObject {
  const lx = new PdfLexer(bytes, offset);
  const num = lx.readUInt();
  const gen = lx.readUInt();
  if (num === null || gen === null) throw new PdfSyntaxError("expected an object header", offset);
  lx.expectKeyword("obj");
  let value = lx.readValue();
  if (value !== null && typeof value === "object" && !Array.isArray(value) && value.kind === "dict") {
    const save = lx.pos;
    if (lx.eatKeyword("stream")) {
      let p = lx.pos;
      if (bytes[p] === 13) p++;
      if (bytes[p] === 10) p++;
      const dataStart = p;
      const lenValue = value.map.get("Length");
      let len =
        typeof lenValue === "number"
          ? lenValue
          : lenValue !== undefined && streamLength
            ? streamLength(lenValue)
            : null;
      if (len !== null && (!Number.isSafeInteger(len) || len < 0 || dataStart + len > bytes.length))
        len = null;
      let dataEnd: number;
      if (len !== null && endstreamFollows(bytes, dataStart + len)) dataEnd = dataStart + len;
      else {
        const idx = indexOfAscii(bytes, "endstream", dataStart);
        if (idx < 0) throw new PdfSyntaxError("unterminated stream", dataStart);
        dataEnd = idx;
        if (bytes[dataEnd - 1] === 10) dataEnd--;
        if (bytes[dataEnd - 1] === 13) dataEnd--;
      }
      value = { kind: "stream", dict: value, dataStart, dataEnd };
      lx.pos = dataEnd;
      lx.expectKeyword("endstream");
    } else lx.pos = save;
  }
  const afterValue = lx.pos;
  const end = lx.eatKeyword("endobj") ? lx.pos : afterValue;
  return { num, gen, value, end };
}

function endstreamFollows(bytes: Uint8Array, p: number): boolean {
  const lx = new PdfLexer(bytes, p);
  return lx.peekRegular() === "endstream";
}
