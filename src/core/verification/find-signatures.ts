import type { PdfFile } from "./pdf/pdf-file.ts";
import {
  decodeTextString,
  dictOf,
  isName,
  isRef,
  isString,
  type PdfDict,
  type PdfValue,
} from "./pdf/pdf-values.ts";

/** A signature dictionary reached from a signature field of the AcroForm. */
export interface FoundSignature {
  fieldName: string | null;
  /** Object number of the signature dictionary (it must be an indirect, uncompressed object). */
  objectNumber: number;
  dict: PdfDict;
}

const MAX_FIELDS = 5_000;
const MAX_FIELD_DEPTH = 16;

/** Lists signed signature fields (/FT /Sig with a /V dictionary), breadth-first, bounded. */
export async function findSignatures(file: PdfFile): Promise<FoundSignature[]> {
  const catalog = await file.catalog();
  const acro = await file.resolveDict(catalog?.map.get("AcroForm"));
  const fields = await file.resolve(acro?.map.get("Fields"));
  if (!Array.isArray(fields)) return [];
  const out: FoundSignature[] = [];
  const seen = new Set<number>();
  const visited = new Set<number>();
  type Item = { v: PdfValue; ft: PdfValue | undefined; name: string | null; depth: number };
  const queue: Item[] = fields.map((v) => ({ v, ft: undefined, name: null, depth: 0 }));
  for (let i = 0; i < queue.length && i < MAX_FIELDS; i++) {
    const { v, ft, name, depth } = queue[i] as Item;
    if (isRef(v)) {
      if (visited.has(v.num)) continue;
      visited.add(v.num);
    }
    const d = dictOf(await file.resolve(v));
    if (!d) continue;
    const t = d.map.get("T");
    const own = isString(t) ? decodeTextString(t.bytes) : null;
    const full = own === null ? name : name === null ? own : `${name}.${own}`;
    const type = d.map.get("FT") ?? ft;
    const value = d.map.get("V");
    if (isName(type, "Sig") && isRef(value) && !seen.has(value.num)) {
      const sig = dictOf(await file.getObject(value.num));
      if (sig) {
        seen.add(value.num);
        out.push({ fieldName: full, objectNumber: value.num, dict: sig });
      }
    }
    const kids = await file.resolve(d.map.get("Kids"));
    if (Array.isArray(kids) && depth < MAX_FIELD_DEPTH)
      for (const k of kids) queue.push({ v: k, ft: type, name: full, depth: depth + 1 });
  }
  return out;
}

/** Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm'); null when unreadable. */
export function parsePdfDate(text: string): Date | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
    text.trim(),
  );
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sign === "+" || sign === "-") t -= (sign === "+" ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Number.isFinite(t) ? new Date(t) : null;
}
