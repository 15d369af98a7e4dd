import type { AllowedChange } from "./allowed-change.ts";
import { compareForm, type FormContext } from "./compare-form.ts";
import { annotationPages, comparePages } from "./compare-pages.ts";
import type { Modification } from "./modification-reasons.ts";
import { mayReference } from "./pdf/may-reference.ts";
import type { PdfFile, PdfReadOptions } from "./pdf/pdf-file.ts";
import { isDict, isName, isRef, isStream, type PdfValue } from "./pdf/pdf-values.ts";
import { RevisionPair, TooComplexToCompare } from "./revision-pair.ts";
import { type ObjectChanges, readUpdatesAfter } from "./update-sections.ts";

/** What the updates after a signature's end did. */
export interface ChangesAfterSigning {
  allowed: Set<AllowedChange>;
  /** The disallowed changes, each naming what changed; empty when everything is allowed. */
  disallowed: Modification[];
}

/** Catalog entries whose change has its own reason. */
const CATALOG_REASON: Record<string, Modification["code"]> = {
  OCProperties: "optional_content_changed",
  Metadata: "metadata_changed",
  OpenAction: "action_added",
  AA: "action_added",
};
/** Catalog entries compared by their own rule, or free to change (/Extensions only declares levels). */
const CATALOG_OWN_RULE = new Set(["DSS", "AcroForm", "Pages", "Extensions"]);
const DSS_KEYS = new Set(["Type", "Certs", "OCSPs", "CRLs", "VRI"]);

/**
 * The difference analysis of a signature (an allow-list, after pyHanko's and the PDF-Insecurity
 * research's model): compares the object graph of the signed revision with the whole file's and
 * accepts only a Document Security Store, document timestamps and signature fields whose value is
 * a signature that verifies and whose widget cannot be seen. Every other change — a page, its
 * content or resources, an annotation of any kind, a form field or its value, the page tree, the
 * catalog, layers, metadata, an object the signed revision defined, ambiguous cross-reference
 * data — is reported with what it changed. `verifies` says whether a signature dictionary (by
 * object number) verified on its own.
 */
export async function changesAfterSigning(
  full: PdfFile,
  signedEnd: number,
  read: PdfReadOptions,
  verifies: (signatureObject: number) => boolean | undefined = () => undefined,
): Promise<ChangesAfterSigning> {
  const result: ChangesAfterSigning = { allowed: new Set(), disallowed: [] };
  if (signedEnd >= full.bytes.length) return result;
  const updates = await readUpdatesAfter(full, signedEnd, read);
  if (!updates.ok) {
    result.disallowed.push(updates.why);
    return result;
  }
  const pair = new RevisionPair(updates.changes.old, full, updates.changes, read.checkpoint);
  pair.descendUnchanged = await signedRevisionMayReference(full, signedEnd, updates.changes);
  try {
    await compareRevisions(pair, verifies, result);
  } catch (e) {
    if (!(e instanceof TooComplexToCompare)) throw e;
    pair.report({ code: "too_complex" });
  }
  result.disallowed.push(...pair.findings);
  if (result.disallowed.length > 0) result.allowed.clear();
  return result;
}

async function compareRevisions(
  pair: RevisionPair,
  verifies: (signatureObject: number) => boolean | undefined,
  result: ChangesAfterSigning,
): Promise<void> {
  const t0 = pair.old.trailer.map;
  const t1 = pair.cur.trailer.map;
  const root0 = t0.get("Root");
  const root1 = t1.get("Root");
  if (!isRef(root0) || !isRef(root1) || root0.num !== root1.num)
    return pair.report({ code: "trailer_changed", subject: "Root" });
  if (t0.has("Encrypt") !== t1.has("Encrypt"))
    return pair.report({ code: "trailer_changed", subject: "Encrypt" });
  await compareInfo(pair, t0.get("Info"), t1.get("Info"));

  pair.explained.add(root0.num);
  const before = await pair.oldDict(root0);
  const after = await pair.curDict(root1);
  if (!before || !after) return pair.report({ code: "catalog_changed", subject: "Root" });
  for (const key of new Set([...before.map.keys(), ...after.map.keys()])) {
    if (CATALOG_OWN_RULE.has(key)) continue;
    const d = await pair.diff(before.map.get(key), after.map.get(key));
    if (d)
      pair.report({ code: CATALOG_REASON[key] ?? "catalog_changed", subject: key, ...objectAt(d.object) });
  }
  const dss0 = before.map.get("DSS");
  const dss1 = after.map.get("DSS");
  if (await pair.diff(dss0, dss1)) {
    if (await wellFormedDss(pair, dss1)) result.allowed.add("dss");
    else pair.report({ code: "dss_malformed" });
  }

  let pages: Promise<Map<number, number>> | undefined;
  const ctx: FormContext = {
    verifies,
    pageOf: async (n) => {
      pages ??= annotationPages(pair, after.map.get("Pages"));
      return (await pages).get(n);
    },
  };
  const form = await compareForm(pair, before.map.get("AcroForm"), after.map.get("AcroForm"), ctx);
  for (const k of form.allowed) result.allowed.add(k);
  await comparePages(pair, before.map.get("Pages"), after.map.get("Pages"), form);

  // An object the signed revision defined, changed or deleted where no rule looked, is reported too.
  const { redefined, deleted } = pair.changes;
  for (const num of [...redefined, ...deleted].sort((a, b) => a - b)) {
    if (pair.explained.has(num) || pair.isReported(num)) continue;
    const ref = { kind: "ref" as const, num, gen: 0 };
    if (deleted.has(num)) pair.report({ code: "object_deleted", object: num });
    else if (await pair.diff(ref, ref))
      pair.report({ code: "object_redefined", object: num, subject: await typeOf(pair, num) });
  }
}

/** The document information dictionary may only get a new /ModDate (editors stamp it on every save). */
async function compareInfo(pair: RevisionPair, a: PdfValue | undefined, b: PdfValue | undefined) {
  const before = await pair.oldDict(a);
  const after = await pair.curDict(b);
  const d =
    before && after && !isStream(await pair.curValue(b))
      ? await pair.diffDicts(before, after, new Set(["ModDate"]))
      : await pair.diff(a, b);
  for (const v of [a, b]) if (isRef(v)) pair.explained.add(v.num);
  if (d) pair.report({ code: "metadata_changed", ...objectAt(d.object) });
}

/**
 * Whether an object of the signed revision may point at a number the updates added (a reference
 * that was dangling when signed, now filled). Only then must the comparison walk through the
 * objects the updates did not touch; otherwise every change is in an object the updates redefined,
 * which the rules or the fallback compare directly.
 */
async function signedRevisionMayReference(
  full: PdfFile,
  signedEnd: number,
  changes: ObjectChanges,
): Promise<boolean> {
  if (changes.added.size === 0) return false;
  if (mayReference(full.bytes.subarray(0, signedEnd), changes.added)) return true;
  const streams = new Set<number>();
  for (const e of changes.old.entries.values()) if (e.type === "c") streams.add(e.stream);
  for (const s of streams) {
    const from = changes.redefined.has(s) || changes.deleted.has(s) ? changes.old : full;
    const data = await from.objectStreamData(s);
    if (data && mayReference(data, changes.added)) return true;
  }
  return false;
}

const objectAt = (object: number | undefined) => (object !== undefined ? { object } : {});

async function typeOf(pair: RevisionPair, num: number): Promise<string> {
  const v = await pair.old.getObject(num);
  const d = isStream(v) ? v.dict : isDict(v) ? v : null;
  const t = d?.map.get("Type") ?? d?.map.get("Subtype");
  return isName(t) ? t.value : isStream(v) ? "stream" : Array.isArray(v) ? "array" : "value";
}

/** A DSS dictionary: only /Certs, /OCSPs, /CRLs (arrays of streams) and /VRI (a dictionary of dictionaries). */
async function wellFormedDss(pair: RevisionPair, v: PdfValue | undefined): Promise<boolean> {
  const d = await pair.curDict(v);
  if (!d || isStream(await pair.curValue(v))) return false;
  for (const [k, x] of d.map) {
    if (!DSS_KEYS.has(k)) return false;
    if (k === "Type" && !isName(x, "DSS")) return false;
    if (k === "VRI") {
      const vri = await pair.curValue(x);
      if (!isDict(vri)) return false;
      for (const e of [...vri.map.values()].slice(0, 10_000))
        if (!isDict(await pair.curValue(e))) return false;
    } else if (k !== "Type") {
      const list = await pair.curValue(x);
      if (!Array.isArray(list)) return false;
      for (const e of list.slice(0, 10_000)) if (!isStream(await pair.curValue(e))) return false;
    }
  }
  return true;
}
