import type { FormOutcome } from "./compare-form.ts";
import type { Modification } from "./modification-reasons.ts";
import { dictOf, isName, isRef, type PdfDict, type PdfValue } from "./pdf/pdf-values.ts";
import type { Difference, RevisionPair } from "./revision-pair.ts";

const MAX_PAGES = 10_000;
const MAX_TREE_DEPTH = 32;
const MAX_ANNOTS = 5_000;

type Resolve = (v: PdfValue | undefined) => Promise<PdfValue>;

const isLeaf = (d: PdfDict) => isName(d.map.get("Type"), "Page") || !d.map.has("Kids");
const asArray = (v: PdfValue): PdfValue[] => (Array.isArray(v) ? v : []);

/** The page objects (leaves) of a page tree, in order; null when the tree loops or is too big. */
export async function pageLeaves(resolve: Resolve, root: PdfValue | undefined): Promise<PdfValue[] | null> {
  const out: PdfValue[] = [];
  const seen = new Set<number>();
  const walk = async (v: PdfValue, depth: number): Promise<boolean> => {
    if (depth > MAX_TREE_DEPTH || out.length > MAX_PAGES) return false;
    if (isRef(v)) {
      if (seen.has(v.num)) return false;
      seen.add(v.num);
    }
    const d = dictOf(await resolve(v));
    if (!d) return false;
    if (isLeaf(d)) {
      out.push(v);
      return true;
    }
    for (const k of asArray(await resolve(d.map.get("Kids")))) if (!(await walk(k, depth + 1))) return false;
    return true;
  };
  return (await walk(root ?? null, 0)) ? out : null;
}

/** For every annotation listed by a page of the whole file: its page, 1-based. */
export async function annotationPages(
  pair: RevisionPair,
  root: PdfValue | undefined,
): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const pages = (await pageLeaves((v) => pair.curValue(v), root)) ?? [];
  for (const [i, p] of pages.entries()) {
    const annots = asArray(await pair.curValue((await pair.curDict(p))?.map.get("Annots")));
    for (const a of annots.slice(0, MAX_ANNOTS)) if (isRef(a) && !map.has(a.num)) map.set(a.num, i + 1);
  }
  return map;
}

/**
 * Compares the page trees of the signed revision and the whole file: the same pages, in the same
 * tree, each with the same dictionary (contents, resources, boxes…) and the same annotations, in
 * the same order. A page's /Annots may only grow by the widgets `form` allowed. Each difference is
 * reported with the page it is on.
 */
export async function comparePages(
  pair: RevisionPair,
  oldRoot: PdfValue | undefined,
  newRoot: PdfValue | undefined,
  form: FormOutcome,
): Promise<void> {
  const before = await pageLeaves((v) => pair.oldValue(v), oldRoot);
  const after = await pageLeaves((v) => pair.curValue(v), newRoot);
  if (!before || !after) return pair.report({ code: "page_tree_changed", subject: "Kids" });
  if (before.length !== after.length) {
    for (const v of [oldRoot, newRoot]) if (isRef(v)) pair.explained.add(v.num);
    let i = 0;
    while (i < before.length && i < after.length && samePageRef(before[i], after[i])) i++;
    return pair.report({ code: after.length > before.length ? "page_added" : "page_removed", page: i + 1 });
  }
  await compareNode(pair, oldRoot ?? null, newRoot ?? null, form, { page: 0 }, 0);
}

function samePageRef(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  return isRef(a) && isRef(b) && a.num === b.num;
}

async function compareNode(
  pair: RevisionPair,
  a: PdfValue,
  b: PdfValue,
  form: FormOutcome,
  state: { page: number },
  depth: number,
): Promise<void> {
  for (const v of [a, b]) if (isRef(v)) pair.explained.add(v.num);
  const x = await pair.oldDict(a);
  const y = await pair.curDict(b);
  if (!x || !y || depth > MAX_TREE_DEPTH) return pair.report({ code: "page_tree_changed", subject: "Kids" });
  if (isLeaf(x) && isLeaf(y)) {
    state.page++;
    return comparePage(pair, a, b, x, y, state.page, form);
  }
  if (isLeaf(x) !== isLeaf(y)) return pair.report({ code: "page_tree_changed", subject: "Type" });
  const d = await pair.diffDicts(x, y, new Set(["Kids"]));
  if (d) pair.report(nodeChange(d));
  const kidsBefore = x.map.get("Kids");
  const kidsAfter = y.map.get("Kids");
  for (const v of [kidsBefore, kidsAfter]) if (isRef(v)) pair.explained.add(v.num);
  const ka = asArray(await pair.oldValue(kidsBefore));
  const kb = asArray(await pair.curValue(kidsAfter));
  if (ka.length !== kb.length) return pair.report({ code: "page_tree_changed", subject: "Kids" });
  for (let i = 0; i < ka.length; i++)
    await compareNode(pair, ka[i] as PdfValue, kb[i] as PdfValue, form, state, depth + 1);
}

function nodeChange({ path, object }: Difference): Modification {
  const at = object !== undefined ? { object } : {};
  return path[0] === "Resources"
    ? { code: "resources_changed", subject: path[1] ?? "Resources", ...at }
    : { code: "page_tree_changed", subject: path[0] ?? "Kids", ...at };
}

async function comparePage(
  pair: RevisionPair,
  a: PdfValue,
  b: PdfValue,
  x: PdfDict,
  y: PdfDict,
  page: number,
  form: FormOutcome,
): Promise<void> {
  if (!samePageRef(a, b)) {
    if (await pair.diff(a, b)) pair.report({ code: "page_replaced", page });
    return;
  }
  const d = await pair.diffDicts(x, y, new Set(["Annots"]));
  if (d) {
    const key = d.path[0] ?? "";
    const at = d.object !== undefined ? { object: d.object } : {};
    pair.report(
      key === "Contents"
        ? { code: "content_changed", page, ...at }
        : key === "Resources"
          ? { code: "resources_changed", page, subject: d.path[1] ?? "Resources", ...at }
          : { code: "page_changed", page, subject: key, ...at },
    );
  }
  const annotsBefore = x.map.get("Annots");
  const annotsAfter = y.map.get("Annots");
  for (const v of [annotsBefore, annotsAfter]) if (isRef(v)) pair.explained.add(v.num);
  const before = asArray(await pair.oldValue(annotsBefore)).slice(0, MAX_ANNOTS);
  const after = asArray(await pair.curValue(annotsAfter)).slice(0, MAX_ANNOTS);
  if (after.length < before.length) pair.report({ code: "annotation_removed", page });
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const v = after[i] as PdfValue;
    if (isRef(v) && form.handledWidgets.has(v.num)) continue;
    if (!(await pair.diff(before[i], v))) continue;
    // a reference that led nowhere when signed and now reaches an annotation: one was added
    const missing = (await pair.oldValue(before[i])) === null;
    pair.report({
      code: missing ? "annotation_added" : "annotation_changed",
      page,
      subject: await subtypeOf(pair, v),
      ...objectOf(v),
    });
  }
  for (let i = before.length; i < after.length; i++) {
    const v = after[i] as PdfValue;
    if (isRef(v) && (form.allowedWidgets.has(v.num) || form.handledWidgets.has(v.num))) continue;
    const annot = await pair.curDict(v);
    const subtype = await subtypeOf(pair, v);
    if (subtype === "Widget") {
      const parent = await pair.curDict(annot?.map.get("Parent"));
      const ft = annot?.map.get("FT") ?? parent?.map.get("FT");
      pair.report({
        code: "form_field_added",
        page,
        subject: isName(ft) ? ft.value : "Widget",
        ...objectOf(v),
      });
    } else pair.report({ code: "annotation_added", page, subject: subtype, ...objectOf(v) });
  }
}

async function subtypeOf(pair: RevisionPair, v: PdfValue): Promise<string> {
  const s = (await pair.curDict(v))?.map.get("Subtype");
  return isName(s) ? s.value : "?";
}

function objectOf(v: PdfValue): { object?: number } {
  return isRef(v) ? { object: v.num } : {};
}
