import type { Inflate } from "./inflate.ts";
import {
  dictOf,
  isDict,
  isInteger,
  isName,
  type PdfStream,
  PdfSyntaxError,
  type PdfValue,
} from "./pdf-values.ts";

/** Decodes a stream's data. Only FlateDecode (with PNG/TIFF-less predictors) and no filter are supported. */
export async function decodeStream(
  bytes: Uint8Array,
  stream: PdfStream,
  inflate: Inflate,
  maxOutput: number,
): Promise<Uint8Array> {
  const raw = bytes.subarray(stream.dataStart, stream.dataEnd);
  const filter = stream.dict.map.get("Filter");
  const filters: PdfValue[] = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  if (filters.length === 0) return raw;
  if (filters.length !== 1 || !isName(filters[0], "FlateDecode"))
    throw new PdfSyntaxError("unsupported stream filter", stream.dataStart);
  const out = await inflate(raw, maxOutput);
  let parms = stream.dict.map.get("DecodeParms");
  if (Array.isArray(parms)) parms = parms[0];
  const p = dictOf(parms ?? undefined);
  if (!p || !isDict(p)) return out;
  const predictor = p.map.get("Predictor");
  if (!isInteger(predictor) || predictor < 10) return out;
  const columns = p.map.get("Columns");
  const colors = p.map.get("Colors");
  const bpc = p.map.get("BitsPerComponent");
  const cols = isInteger(columns) && columns > 0 && columns < 1 << 20 ? columns : 1;
  const bpp = Math.max(1, Math.ceil(((isInteger(colors) ? colors : 1) * (isInteger(bpc) ? bpc : 8)) / 8));
  return unpredictPng(out, cols * bpp, bpp);
}

/** Reverses PNG row predictors (PDF Predictor ≥ 10). */
function unpredictPng(data: Uint8Array, rowLength: number, bpp: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const x = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const up = r > 0 ? (out[dst - rowLength + i] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[dst - rowLength + i - bpp] as number) : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const pa = Math.abs(up - upLeft);
          const pb = Math.abs(left - upLeft);
          const pc = Math.abs(left + up - 2 * upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfSyntaxError("bad PNG predictor", r);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
