import type { PdfFile } from "./pdf/pdf-file.ts";
import { dictOf, isStream, type PdfValue } from "./pdf/pdf-values.ts";
import { bytesKey } from "./signature-algorithms.ts";

/** The validation material of a Document Security Store, each item DER, each once. */
export interface DssContents {
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
}

/** Bounds on what a (possibly hostile) DSS may make the verifier read. */
const MAX_ITEMS = 200;
const MAX_VRI_ENTRIES = 200;
const MAX_ITEM_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;

const LISTS = [
  ["Certs", "Cert", "certificates"],
  ["OCSPs", "OCSP", "ocspResponses"],
  ["CRLs", "CRL", "crls"],
] as const;

export const EMPTY_DSS: DssContents = { certificates: [], ocspResponses: [], crls: [] };

/**
 * Reads the catalog's /DSS (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3): the streams of
 * /Certs, /OCSPs and /CRLs and those the /VRI entries list (each entry's /Cert, /OCSP, /CRL), at
 * most 200 of each kind, 1 MiB each and 16 MiB in all. Unreadable items are skipped; a missing or
 * malformed DSS is empty. Only the time budget's exception escapes.
 */
export async function readDss(file: PdfFile, isFatal: (e: unknown) => boolean): Promise<DssContents> {
  const out: DssContents = { certificates: [], ocspResponses: [], crls: [] };
  const seen = new Set<string>();
  let total = 0;
  const take = async (list: PdfValue | undefined, field: keyof DssContents) => {
    const items = await file.resolve(list);
    if (!Array.isArray(items)) return;
    for (const item of items.slice(0, MAX_ITEMS)) {
      if (out[field].length >= MAX_ITEMS || total >= MAX_TOTAL_BYTES) return;
      try {
        const stream = await file.resolve(item);
        if (!isStream(stream) || stream.dataEnd - stream.dataStart > MAX_ITEM_BYTES) continue;
        const der = await file.decode(stream);
        if (der.length === 0 || der.length > MAX_ITEM_BYTES) continue;
        const key = `${field}:${bytesKey(der)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        total += der.length;
        out[field].push(der.slice());
      } catch (e) {
        if (isFatal(e)) throw e;
      }
    }
  };
  try {
    const catalog = await file.catalog();
    const dss = await file.resolveDict(catalog?.map.get("DSS"));
    if (!dss) return out;
    for (const [key, , field] of LISTS) await take(dss.map.get(key), field);
    const vri = await file.resolveDict(dss.map.get("VRI"));
    for (const value of [...(vri?.map.values() ?? [])].slice(0, MAX_VRI_ENTRIES)) {
      const entry = dictOf(await file.resolve(value));
      if (entry) for (const [, key, field] of LISTS) await take(entry.map.get(key), field);
    }
  } catch (e) {
    if (isFatal(e)) throw e;
  }
  return out;
}
