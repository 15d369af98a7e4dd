import type { Modification } from "./modification-reasons.ts";
import { PdfFile, type PdfReadOptions } from "./pdf/pdf-file.ts";
import { PdfLexer, readIndirectObject } from "./pdf/pdf-parser.ts";
import { isInteger, isName, isStream } from "./pdf/pdf-values.ts";
import { readXrefTable, type XrefEntry, type XrefSection } from "./pdf/pdf-xref.ts";

/** Object numbers whose definition differs between the signed revision and the whole file. */
export interface ObjectChanges {
  /** The signed revision, opened on its own. */
  old: PdfFile;
  /** In use in both, defined differently (the content may still be equal). */
  redefined: Set<number>;
  /** In use in the whole file only. */
  added: Set<number>;
  /** In use in the signed revision, free or absent in the whole file. */
  deleted: Set<number>;
}

export type UpdateReading = { ok: true; changes: ObjectChanges } | { ok: false; why: Modification };

const MAX_OBJECTS = 10_000;

/**
 * Reads the incremental updates between `signedEnd` (the end of a signature's signed ranges) and
 * the end of the file, at the level of bytes and cross-reference data: the signed part must be a
 * whole revision whose history the updates keep; every byte after it must belong to an object or
 * a cross-reference section of the chain; every object written there must be listed at its exact
 * offset with its generation; and no object may have two definitions that different readers would
 * pick differently (hybrid tables, repeated entries). Then lists what the updates redefine.
 */
export async function readUpdatesAfter(
  full: PdfFile,
  signedEnd: number,
  read: PdfReadOptions,
): Promise<UpdateReading> {
  const fail = (why: Modification): UpdateReading => ({ ok: false, why });
  const bytes = full.bytes;
  let old: PdfFile;
  try {
    old = await PdfFile.open(bytes, read, signedEnd);
  } catch {
    return fail({ code: "signed_revision_incomplete" });
  }
  const newer = full.sections.filter((s) => s.offset >= signedEnd);
  const olderOffsets = full.sections.filter((s) => s.offset < signedEnd).map((s) => s.offset);
  if (newer.length === 0 || olderOffsets.join() !== old.sections.map((s) => s.offset).join())
    return fail({ code: "history_rewritten" });

  const listed = new Map<number, XrefEntry>();
  const xrefStreams = new Set<number>();
  const tables = new Set<number>();
  const hybridStreams = new Set<number>();
  for (const s of newer) {
    const stm = s.trailer.map.get("XRefStm");
    if (s.kind === "table" && isInteger(stm)) hybridStreams.add(stm);
    if (s.duplicates > 0) return fail({ code: "xref_ambiguous" });
    if (s.kind === "stream") xrefStreams.add(s.offset);
    else tables.add(s.offset);
    for (const [num, e] of s.entries) if (!listed.has(num)) listed.set(num, e);
  }
  const ambiguous = hybridConflict(newer);
  if (ambiguous !== null) return fail({ code: "xref_ambiguous", object: ambiguous });

  // Every byte after the signature belongs to a listed object or to a section of the chain.
  const lx = new PdfLexer(bytes, signedEnd);
  for (let guard = 0; ; guard++) {
    if (guard > MAX_OBJECTS) return fail({ code: "too_complex" });
    lx.skipWs();
    if (lx.pos >= bytes.length) break;
    const at = lx.pos;
    try {
      if (lx.peekRegular() === "xref") {
        if (!tables.has(at)) return fail({ code: "malformed_update" });
        lx.pos = readXrefTable(bytes, at).end;
        lx.expectKeyword("startxref");
        if (lx.readUInt() === null) return fail({ code: "malformed_update" });
        continue;
      }
      const obj = readIndirectObject(bytes, at);
      lx.pos = obj.end;
      if (isStream(obj.value) && isName(obj.value.dict.map.get("Type"), "XRef")) {
        if (!xrefStreams.has(at)) return fail({ code: "malformed_update" });
        if (hybridStreams.has(at)) continue;
        lx.expectKeyword("startxref");
        if (lx.readUInt() === null) return fail({ code: "malformed_update" });
        continue;
      }
      if (!newer.some((s) => isListedAt(s.entries.get(obj.num), at, obj.gen)))
        return fail({ code: "unreferenced_object", object: obj.num });
    } catch {
      return fail({ code: "malformed_update" });
    }
  }

  const redefined = new Set<number>();
  const added = new Set<number>();
  const deleted = new Set<number>();
  const inUse = (f: PdfFile, n: number) => {
    const t = f.entries.get(n)?.type;
    return t === "n" || t === "c";
  };
  const unchanged = (n: number, depth = 0): boolean => {
    const a = old.entries.get(n);
    const b = full.entries.get(n);
    if (!a || !b || a.type !== b.type) return false;
    if (a.type === "n" && b.type === "n") return a.offset === b.offset && a.gen === b.gen;
    if (a.type === "c" && b.type === "c")
      return a.stream === b.stream && a.index === b.index && depth < 2 && unchanged(a.stream, depth + 1);
    return true;
  };
  const numbers = new Set([...listed.keys()]);
  // objects inside a redefined object stream change with it
  for (const [n, e] of full.entries) if (e.type === "c" && listed.has(e.stream)) numbers.add(n);
  for (const n of numbers) {
    const was = inUse(old, n);
    const is = inUse(full, n);
    if (was && !is) deleted.add(n);
    else if (!was && is) added.add(n);
    else if (was && is && !unchanged(n)) redefined.add(n);
  }
  return { ok: true, changes: { old, redefined, added, deleted } };
}

function isListedAt(e: XrefEntry | undefined, offset: number, gen: number): boolean {
  return e?.type === "n" && e.offset === offset && e.gen === gen;
}

/**
 * A hybrid section (a classic table whose trailer points at an xref stream with /XRefStm) that
 * lists an object in both with different entries: readers that ignore the stream and readers that
 * read it would show different objects. Returns the object number, or null.
 */
function hybridConflict(newer: XrefSection[]): number | null {
  for (const table of newer) {
    const at = table.trailer.map.get("XRefStm");
    if (table.kind !== "table" || !isInteger(at)) continue;
    const stream = newer.find((s) => s.offset === at && s.kind === "stream");
    if (!stream) continue;
    for (const [num, e] of stream.entries) {
      const t = table.entries.get(num);
      if (t && !sameEntry(t, e)) return num;
    }
  }
  return null;
}

function sameEntry(a: XrefEntry, b: XrefEntry): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "n" && b.type === "n") return a.offset === b.offset && a.gen === b.gen;
  if (a.type === "c" && b.type === "c") return a.stream === b.stream && a.index === b.index;
  return true;
}
