/** Minimal DER writing and reading, enough for the CMS signer's precomputed template. */

/** Encodes a DER length. */
export function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A tag-length-value with the given contents. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = concat(contents);
  return concat([Uint8Array.of(tag), derLength(body.length), body]);
}

/** Encodes an OBJECT IDENTIFIER (full TLV) from dotted notation. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map(Number);
  const out: number[] = [(arcs[0] as number) * 40 + (arcs[1] as number)];
  for (const arc of arcs.slice(2)) {
    const tmp: number[] = [];
    let v = arc;
    do {
      tmp.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < tmp.length - 1; i++) tmp[i] = (tmp[i] as number) | 0x80;
    out.push(...tmp);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** One decoded TLV header: the tag, where its contents start and where it ends. */
export interface DerNode {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** Reads the TLV at `pos` (definite lengths only). Throws on malformed input. */
export function readDer(bytes: Uint8Array, pos: number): DerNode {
  const tag = bytes[pos];
  let lenByte = bytes[pos + 1];
  if (tag === undefined || lenByte === undefined) throw new Error("truncated DER");
  let p = pos + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < n; i++) {
      lenByte = bytes[p++];
      if (lenByte === undefined) throw new Error("truncated DER");
      len = len * 256 + lenByte;
    }
  }
  if (p + len > bytes.length) throw new Error("DER length beyond the data");
  return { tag, start: pos, contentStart: p, end: p + len };
}

/** The children of a constructed node. */
export function derChildren(bytes: Uint8Array, node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let p = node.contentStart; p < node.end; ) {
    const c = readDer(bytes, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Compares two byte arrays as DER SET OF ordering requires. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}
