import { PdfFile, type PdfReadOptions } from "./pdf/pdf-file.ts";
import { PdfLexer, readIndirectObject } from "./pdf/pdf-parser.ts";
import {
  bytesEqual,
  dictOf,
  dictsEqual,
  isDict,
  isName,
  isRef,
  isStream,
  type PdfDict,
  type PdfValue,
  valuesEqual,
} from "./pdf/pdf-values.ts";
import { readXrefTable } from "./pdf/pdf-xref.ts";

/** Kinds of additions a later incremental update may make without changing the signed content. */
export type AllowedChange = "dss" | "doc_timestamp" | "signature";

/** What the updates after a signature's end did. */
export interface ChangesAfterSigning {
  allowed: Set<AllowedChange>;
  /** Human-readable reasons for disallowed changes; empty when everything is allowed. */
  disallowed: string[];
}

const MAX_OBJECTS = 10_000;

/**
 * Classifies the incremental updates between `signedEnd` (end of a signature's signed ranges) and
 * the end of the file. Allowed: a Document Security Store, document timestamps, further signature
 * fields with their signature dictionaries — and only the minimal edits of the catalog, AcroForm,
 * field arrays and page /Annots that adding them requires. Everything else (page content, /Info,
 * any other object, stray bytes, rewritten history) is reported as disallowed.
 */
export async function changesAfterSigning(
  full: PdfFile,
  signedEnd: number,
  read: PdfReadOptions,
): Promise<ChangesAfterSigning> {
  const result: ChangesAfterSigning = { allowed: new Set(), disallowed: [] };
  const bytes = full.bytes;
  if (signedEnd >= bytes.length) return result;
  const no = (why: string) => {
    result.disallowed.push(why);
    return result;
  };
  let old: PdfFile;
  try {
    old = await PdfFile.open(bytes, read, signedEnd);
  } catch {
    return no("the signed revision is not a complete PDF revision");
  }
  const newer = full.sections.filter((s) => s.offset >= signedEnd);
  const olderOffsets = full.sections.filter((s) => s.offset < signedEnd).map((s) => s.offset);
  const oldOffsets = old.sections.map((s) => s.offset);
  if (newer.length === 0 || olderOffsets.join() !== oldOffsets.join())
    return no("the update rewrites the file's history");

  // Every byte after the signature must belong to a well-formed update section.
  const defined = new Map<number, number>();
  const lx = new PdfLexer(bytes, signedEnd);
  for (let guard = 0; ; guard++) {
    if (guard > MAX_OBJECTS) return no("too many objects after signing");
    lx.skipWs();
    if (lx.pos >= bytes.length) break;
    const at = lx.pos;
    try {
      if (lx.peekRegular() === "xref") {
        lx.pos = readXrefTable(bytes, at).end;
        lx.expectKeyword("startxref");
        if (lx.readUInt() === null) return no("malformed update");
        continue;
      }
      const obj = readIndirectObject(bytes, at);
      lx.pos = obj.end;
      defined.set(at, obj.num);
      if (isStream(obj.value) && isName(obj.value.dict.map.get("Type"), "XRef")) {
        lx.expectKeyword("startxref");
        if (lx.readUInt() === null) return no("malformed update");
      }
    } catch {
      return no("bytes after the signature are not a valid incremental update");
    }
  }
  const listed = new Map<number, number>();
  const xrefStreams = new Set<number>();
  for (const s of newer) {
    if (s.kind === "stream") xrefStreams.add(s.offset);
    for (const [num, e] of s.entries) {
      if (e.type === "n" && !listed.has(num)) listed.set(num, e.offset);
      if (e.type === "f" && old.entries.get(num)?.type !== undefined && old.entries.get(num)?.type !== "f")
        return no(`object ${num} was deleted`);
      if (e.type === "c" && !listed.has(num)) listed.set(num, -1);
    }
  }
  for (const [offset, num] of defined)
    if (!xrefStreams.has(offset) && listed.get(num) !== offset)
      return no(`object ${num} after the signature is not referenced`);

  // The trailer must keep the same catalog and document information.
  const t0 = old.trailer.map;
  const t1 = full.trailer.map;
  for (const key of ["Root", "Info", "Encrypt"]) {
    const a = t0.get(key);
    const b = t1.get(key);
    if (!(a === undefined && b === undefined) && !(a !== undefined && b !== undefined && valuesEqual(a, b)))
      return no(`the trailer's /${key} changed`);
  }

  const rootNum = isRef(t0.get("Root")) ? (t0.get("Root") as { num: number }).num : -1;
  const isNewSigField = async (v: PdfValue): Promise<boolean> => {
    if (!isRef(v) || old.entries.has(v.num)) return false;
    const d = dictOf(await full.getObject(v.num));
    return !!d && (isName(d.map.get("FT"), "Sig") || isName(d.map.get("Subtype"), "Widget"));
  };
  const appendsOnlySigFields = async (a: PdfValue | undefined, b: PdfValue | undefined): Promise<boolean> => {
    const x = a === undefined ? [] : await old.resolve(a);
    const y = b === undefined ? [] : await full.resolve(b);
    if (!Array.isArray(x) || !Array.isArray(y) || y.length < x.length) return false;
    if (!x.every((v, i) => valuesEqual(v, y[i] as PdfValue))) return false;
    for (const v of y.slice(x.length)) if (!(await isNewSigField(v))) return false;
    return true;
  };
  const acroFormOk = async (a: PdfDict | null, b: PdfDict | null): Promise<boolean> => {
    if (!b) return !a;
    const base = a ?? { kind: "dict" as const, map: new Map(), start: 0, end: 0 };
    if (!dictsEqual(base, b, new Set(["Fields", "SigFlags"]))) return false;
    return appendsOnlySigFields(base.map.get("Fields"), b.map.get("Fields"));
  };

  for (const [num, offset] of listed) {
    if (xrefStreams.has(offset)) continue;
    const after = await full.getObject(num);
    if (after === undefined) continue;
    const before = old.entries.has(num) ? await old.getObject(num) : undefined;
    if (before === undefined) {
      const d = dictOf(after);
      const type = d?.map.get("Type");
      if (isName(type, "DocTimeStamp")) result.allowed.add("doc_timestamp");
      else if (isName(type, "Sig")) result.allowed.add("signature");
      else if (isName(type, "DSS")) result.allowed.add("dss");
      continue; // new objects are reachable only through the edits checked below
    }
    if (isStream(before) && isStream(after)) {
      const same =
        dictsEqual(before.dict, after.dict, new Set(["Length"])) &&
        bytesEqual(
          old.bytes.subarray(before.dataStart, before.dataEnd),
          bytes.subarray(after.dataStart, after.dataEnd),
        );
      if (same) continue;
      return no(`object ${num} (a stream) changed`);
    }
    if (valuesEqual(before, after)) continue;
    if (num === rootNum && isDict(before) && isDict(after)) {
      if (!dictsEqual(before, after, new Set(["DSS", "AcroForm"]))) return no("the catalog changed");
      if (!valuesEqual(before.map.get("DSS") ?? null, after.map.get("DSS") ?? null))
        result.allowed.add("dss");
      const a0 = before.map.get("AcroForm");
      const a1 = after.map.get("AcroForm");
      if (!(a0 !== undefined && a1 !== undefined && valuesEqual(a0, a1))) {
        if (isRef(a0) && isRef(a1) && a0.num === a1.num) continue;
        if (!(await acroFormOk(await old.resolveDict(a0), await full.resolveDict(a1))))
          return no("the form changed");
      }
      continue;
    }
    if (isDict(before) && isDict(after) && isName(before.map.get("Type"), "Page")) {
      if (!dictsEqual(before, after, new Set(["Annots"]))) return no(`page object ${num} changed`);
      if (!(await appendsOnlySigFields(before.map.get("Annots"), after.map.get("Annots"))))
        return no(`page ${num} annotations changed`);
      continue;
    }
    if (isDict(before) && isDict(after) && before.map.has("Fields")) {
      if (!(await acroFormOk(before, after))) return no("the form changed");
      continue;
    }
    if (Array.isArray(before) && Array.isArray(after)) {
      if (!(await appendsOnlySigFields(before, after))) return no(`array object ${num} changed`);
      continue;
    }
    return no(`object ${num} changed`);
  }
  return result;
}
