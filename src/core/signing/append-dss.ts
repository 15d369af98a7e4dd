import { PdfFile, type PdfReadOptions } from "../verification/pdf/pdf-file.ts";
import { isDict, isRef, type PdfDict, type PdfValue } from "../verification/pdf/pdf-values.ts";
import { appendIncrementalUpdate, nextObjectNumber, ref } from "./incremental-update.ts";
import { serializeValue } from "./pdf-serialize.ts";

/** Validation material for a Document Security Store, each item DER. */
export interface ValidationData {
  certificates: readonly Uint8Array[];
  ocspResponses?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
}

/**
 * Appends a Document Security Store (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3) as one
 * incremental update: each certificate, OCSP response and CRL as a stream, listed in /Certs,
 * /OCSPs and /CRLs of a new DSS dictionary that keeps the entries of an earlier one, and the
 * catalog's /DSS pointing at it. Nothing else changes, so every signature's DocMDP (P ≥ 1 under
 * PDF 2.0, P ≥ 2 for PDF 1.7 validators) and Sceau's difference analysis allow it. Pure.
 */
export async function appendDss(
  pdf: Uint8Array,
  data: ValidationData,
  read: PdfReadOptions = {},
): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf, read);
  const rootRef = file.trailer.map.get("Root");
  const catalog = isRef(rootRef) ? await file.getObject(rootRef.num) : undefined;
  if (!isRef(rootRef) || !isDict(catalog)) throw new Error("the PDF has no catalog");
  const old = (await file.resolveDict(catalog.map.get("DSS"))) ?? null;
  let next = nextObjectNumber(file);
  const objects = new Map<number, string>();
  const list = async (key: string, items: readonly Uint8Array[] | undefined): Promise<PdfValue[]> => {
    const kept = await file.resolve(old?.map.get(key));
    const out: PdfValue[] = Array.isArray(kept) ? [...kept] : [];
    const seen = new Set<string>();
    for (const der of items ?? []) {
      const raw = latin1(der);
      if (seen.has(raw)) continue;
      seen.add(raw);
      const num = next++;
      objects.set(num, `<< /Length ${der.length} >>\nstream\n${raw}\nendstream`);
      out.push(ref(num));
    }
    return out;
  };
  const dss: PdfDict = { kind: "dict", map: new Map(), start: 0, end: 0 };
  dss.map.set("Type", { kind: "name", value: "DSS" });
  for (const [key, items] of [
    ["Certs", data.certificates],
    ["OCSPs", data.ocspResponses],
    ["CRLs", data.crls],
  ] as const) {
    const entries = await list(key, items);
    if (entries.length > 0) dss.map.set(key, entries);
  }
  const vri = old?.map.get("VRI");
  if (vri !== undefined) dss.map.set("VRI", vri);
  const dssNum = next++;
  objects.set(dssNum, serializeValue(dss));
  const newCatalog: PdfDict = { kind: "dict", map: new Map(catalog.map), start: 0, end: 0 };
  newCatalog.map.set("DSS", ref(dssNum));
  objects.set(rootRef.num, serializeValue(newCatalog));
  return appendIncrementalUpdate(pdf, file, objects, next);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
