/**
 * Inflates zlib (FlateDecode) data, refusing to produce more than `maxOutput` bytes.
 * Adapters may pass a faster synchronous implementation (node:zlib); the default uses the
 * standard `DecompressionStream`, available in Node and browsers.
 */
export type Inflate = (data: Uint8Array, maxOutput: number) => Promise<Uint8Array>;

export class InflateLimitError extends Error {
  constructor() {
    super("decompressed data exceeds the limit");
    this.name = "InflateLimitError";
  }
}

/** The default inflater, on `DecompressionStream("deflate")`. Tolerates a truncated stream end. */
export const webInflate: Inflate = async (data, maxOutput) => {
  const ds = new DecompressionStream("deflate");
  const writer = ds.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxOutput) {
        await reader.cancel().catch(() => undefined);
        throw new InflateLimitError();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof InflateLimitError) throw e;
    if (total === 0) throw e;
    // keep what was decoded before the damage, as most readers do
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
};
