import { PdfFile, type PdfReadOptions } from "../verification/pdf/pdf-file.ts";
import { isDict, isRef, isStream, type PdfDict, type PdfValue } from "../verification/pdf/pdf-values.ts";
import { appendIncrementalUpdate, nextObjectNumber, ref } from "./incremental-update.ts";
import { pdfDate, serializeValue } from "./pdf-serialize.ts";

/** Validation material for a Document Security Store, each item DER. */
export interface ValidationData {
  certificates: readonly Uint8Array[];
  ocspResponses?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
  /**
   * Per-signature entries (VRI): `key` is the uppercase hexadecimal SHA-1 of the signature's
   * /Contents string (padding included), the items those needed to validate it; `time` is /TU.
   */
  vri?: readonly (Omit<ValidationData, "vri"> & { key: string; time?: Date })[];
}

const LISTS = [
  ["Certs", "certificates", "Cert"],
  ["OCSPs", "ocspResponses", "OCSP"],
  ["CRLs", "crls", "CRL"],
] as const;

const dict = (entries: [string, PdfValue][]): PdfDict => ({
  kind: "dict",
  map: new Map(entries),
  start: 0,
  end: 0,
});

/**
 * Appends a Document Security Store (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3) as one
 * incremental update: each certificate, OCSP response and CRL not already in the DSS as a stream,
 * listed in /Certs, /OCSPs and /CRLs of a new DSS dictionary that keeps the entries of an earlier
 * one, with the VRI entries given, and the catalog's /DSS pointing at it. Nothing else changes, so
 * every signature's DocMDP (P ≥ 1 under PDF 2.0, P ≥ 2 for PDF 1.7 validators) and Sceau's
 * difference analysis allow it. Pure.
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
  const dss = dict([["Type", { kind: "name", value: "DSS" }]]);
  /** Each item's reference by its bytes, per list: the earlier DSS's streams first. */
  const refs = new Map<string, Map<string, PdfValue>>();
  for (const [key] of LISTS) {
    const known = new Map<string, PdfValue>();
    const kept = await file.resolve(old?.map.get(key));
    for (const item of Array.isArray(kept) ? kept : []) {
      const stream = await file.resolve(item);
      if (isStream(stream)) known.set(latin1(await file.decode(stream)), item);
    }
    refs.set(key, known);
  }
  const refsOf = (key: (typeof LISTS)[number][0], items: readonly Uint8Array[] | undefined) =>
    (items ?? []).map((der) => {
      const known = refs.get(key) as Map<string, PdfValue>;
      const raw = latin1(der);
      const found = known.get(raw);
      if (found) return found;
      const num = next++;
      objects.set(num, `<< /Length ${der.length} >>\nstream\n${raw}\nendstream`);
      known.set(raw, ref(num));
      return ref(num);
    });
  const vri = dict([]);
  const oldVri = await file.resolveDict(old?.map.get("VRI"));
  for (const [k, v] of oldVri?.map ?? []) vri.map.set(k, v);
  for (const entry of data.vri ?? []) {
    const e = dict([]);
    for (const [key, field, vriKey] of LISTS) {
      const list = refsOf(key, entry[field]);
      if (list.length > 0) e.map.set(vriKey, list);
    }
    if (entry.time)
      e.map.set("TU", {
        kind: "string",
        bytes: new TextEncoder().encode(pdfDate(entry.time)),
        hex: false,
        start: 0,
        end: 0,
      });
    vri.map.set(entry.key.toUpperCase(), e);
  }
  for (const [key, field] of LISTS) refsOf(key, data[field]);
  for (const [key] of LISTS) {
    const all = [...(refs.get(key)?.values() ?? [])];
    if (all.length > 0) dss.map.set(key, all);
  }
  if (vri.map.size > 0) dss.map.set("VRI", vri);
  const dssNum = next++;
  objects.set(dssNum, serializeValue(dss));
  const newCatalog = dict([...catalog.map]);
  newCatalog.map.set("DSS", ref(dssNum));
  objects.set(rootRef.num, serializeValue(newCatalog));
  return appendIncrementalUpdate(pdf, file, objects, next);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
