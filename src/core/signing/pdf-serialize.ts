import type { PdfValue } from "../verification/pdf/pdf-values.ts";

const REGULAR_NAME = /^[A-Za-z0-9._+\-:]*$/;

/** Writes a name with `#xx` escapes for anything outside a safe set. */
export function serializeName(name: string): string {
  if (REGULAR_NAME.test(name)) return `/${name}`;
  let out = "/";
  for (const ch of name) {
    const c = ch.charCodeAt(0) & 0xff;
    out += /[A-Za-z0-9._+\-:]/.test(ch) ? ch : `#${c.toString(16).padStart(2, "0")}`;
  }
  return out;
}

const HEX_DIGITS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** Hex-encodes bytes as a PDF hexadecimal string `<…>`. */
export function hexString(bytes: Uint8Array): string {
  let s = "<";
  for (const b of bytes) s += HEX_DIGITS[b] as string;
  return `${s}>`;
}

/** A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with a byte order mark; always hex. */
export function textString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return hexString(new TextEncoder().encode(text));
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xfe;
  bytes[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 + 2 * i] = c >> 8;
    bytes[3 + 2 * i] = c & 0xff;
  }
  return hexString(bytes);
}

/** A PDF date `D:YYYYMMDDHHmmSS+00'00'` in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

function serializeNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** Serializes a value read by the parser (streams cannot be written inline and throw). */
export function serializeValue(v: PdfValue, depth = 0): string {
  if (depth > 64) throw new Error("value too deeply nested to serialize");
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return serializeNumber(v);
  if (Array.isArray(v)) return `[${v.map((x) => serializeValue(x, depth + 1)).join(" ")}]`;
  switch (v.kind) {
    case "name":
      return serializeName(v.value);
    case "string":
      return hexString(v.bytes);
    case "ref":
      return `${v.num} ${v.gen} R`;
    case "dict": {
      let s = "<<";
      for (const [k, x] of v.map) s += ` ${serializeName(k)} ${serializeValue(x, depth + 1)}`;
      return `${s} >>`;
    }
    case "stream":
      throw new Error("a stream cannot be serialized inline");
  }
}
