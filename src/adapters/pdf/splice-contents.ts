import type { PreparedSignature } from "../../core/signing/signing.types.ts";

const HEX = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const h = i.toString(16).padStart(2, "0");
  HEX[2 * i] = h.charCodeAt(0);
  HEX[2 * i + 1] = h.charCodeAt(1);
}

/** Writes `der` (a CMS SignedData or a timestamp token) as hexadecimal into the prepared /Contents; returns the file. */
export function spliceContents(prepared: PreparedSignature, der: Uint8Array): Uint8Array {
  if (der.length > prepared.contentsCapacity)
    throw new Error("the signature does not fit in the reserved space");
  const out = prepared.bytes;
  let p = prepared.contentsStart;
  for (const byte of der) {
    out[p++] = HEX[2 * byte] as number;
    out[p++] = HEX[2 * byte + 1] as number;
  }
  return out;
}
