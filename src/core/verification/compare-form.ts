import type { AllowedChange } from "./allowed-change.ts";
import {
  decodeTextString,
  isInteger,
  isName,
  isRef,
  isString,
  type PdfDict,
  type PdfValue,
} from "./pdf/pdf-values.ts";
import type { RevisionPair } from "./revision-pair.ts";

/** What the form rule decided about widgets, for the page rule that meets them in /Annots. */
export interface FormOutcome {
  /** Widgets of signature fields added after signing that the rules allow. */
  allowedWidgets: Set<number>;
  /** Widgets already judged here (allowed or reported): the page rule leaves them alone. */
  handledWidgets: Set<number>;
  allowed: Set<AllowedChange>;
}

/** Facts about the rest of the file the form rule needs. */
export interface FormContext {
  /** Whether the signature dictionary `num` verified on its own (undefined: not a signature we checked). */
  verifies(num: number): boolean | undefined;
  /** The page (1-based) whose /Annots lists the widget `num`, in the whole file (looked up when reporting). */
  pageOf(num: number): Promise<number | undefined>;
}

const EMPTY: PdfDict = { kind: "dict", map: new Map(), start: 0, end: 0 };
const MAX_FIELDS = 5_000;

/**
 * Compares the interactive form (AcroForm) of the signed revision with the whole file's. Allowed:
 * /SigFlags, and /Fields growing by new signature fields whose value is a signature that verifies
 * and whose widgets cannot be seen (zero-size rectangle, or hidden) and carry no action — or an
 * existing empty signature field receiving such a value. Everything else is reported: other
 * AcroForm keys (/NeedAppearances, /DR, /XFA…), removed fields, any change to an existing field
 * (its value, appearance, flags), and any other new field.
 */
export async function compareForm(
  pair: RevisionPair,
  oldValue: PdfValue | undefined,
  newValue: PdfValue | undefined,
  ctx: FormContext,
): Promise<FormOutcome> {
  const out: FormOutcome = { allowedWidgets: new Set(), handledWidgets: new Set(), allowed: new Set() };
  for (const v of [oldValue, newValue]) if (isRef(v)) pair.explained.add(v.num);
  const before = await pair.oldDict(oldValue);
  const after = await pair.curDict(newValue);
  if (!before && !after) return out;
  const formObject = isRef(newValue) ? newValue.num : undefined;
  if (!after) {
    pair.report({ code: "form_changed", subject: "AcroForm", ...(formObject ? { object: formObject } : {}) });
    return out;
  }
  const base = before ?? EMPTY;
  const other = await pair.diffDicts(base, after, new Set(["Fields", "SigFlags"]));
  if (other) pair.report({ code: "form_changed", subject: other.path[0] ?? "AcroForm" });
  const flags = after.map.get("SigFlags");
  if (flags !== undefined && !(isInteger(flags) && flags >= 0 && flags <= 3))
    pair.report({ code: "form_changed", subject: "SigFlags" });

  const fieldsBefore = base.map.get("Fields");
  const fieldsAfter = after.map.get("Fields");
  for (const v of [fieldsBefore, fieldsAfter]) if (isRef(v)) pair.explained.add(v.num);
  const oldFields = asArray(await pair.oldValue(fieldsBefore));
  const newFields = asArray(await pair.curValue(fieldsAfter));
  if (newFields.length < oldFields.length) pair.report({ code: "form_field_removed" });
  for (let i = 0; i < Math.min(oldFields.length, newFields.length, MAX_FIELDS); i++)
    await compareExistingField(pair, oldFields[i] as PdfValue, newFields[i] as PdfValue, ctx, out);
  for (let i = oldFields.length; i < Math.min(newFields.length, MAX_FIELDS); i++)
    await classifyNewField(pair, newFields[i] as PdfValue, ctx, out);
  return out;
}

function asArray(v: PdfValue): PdfValue[] {
  return Array.isArray(v) ? v : [];
}

function fieldName(d: PdfDict | null): string {
  const t = d?.map.get("T");
  return isString(t) ? decodeTextString(t.bytes).slice(0, 100) : "?";
}

async function compareExistingField(
  pair: RevisionPair,
  a: PdfValue,
  b: PdfValue,
  ctx: FormContext,
  out: FormOutcome,
): Promise<void> {
  const before = await pair.oldDict(a);
  const after = await pair.curDict(b);
  const object = isRef(b) ? b.num : undefined;
  const at = object !== undefined ? { object } : {};
  const emptySignature =
    before && after && isName(before.map.get("FT"), "Sig") && !before.map.has("V") && after.map.has("V");
  if (!emptySignature || !before || !after) {
    const d = await pair.diff(a, b);
    if (d) pair.report({ code: "form_field_changed", subject: fieldName(after ?? before), ...at });
    return;
  }
  // An empty signature field of the signed revision, signed since.
  if (object !== undefined) {
    pair.explained.add(object);
    out.handledWidgets.add(object);
  }
  const where = async () => {
    const page = object !== undefined ? await ctx.pageOf(object) : undefined;
    return { ...at, ...(page ? { page } : {}) };
  };
  if (await pair.diffDicts(before, after, new Set(["V", "AP"]))) {
    pair.report({ code: "form_field_changed", subject: fieldName(after), ...(await where()) });
    return;
  }
  const kind = await signatureKind(pair, after.map.get("V"), ctx);
  if (!kind) return pair.report({ code: "signature_not_verifying", ...(await where()) });
  const apChanged = await pair.diff(before.map.get("AP"), after.map.get("AP"));
  if (apChanged && !(await invisible(pair, after)))
    return pair.report({ code: "visible_signature_added", ...(await where()) });
  out.allowed.add(kind);
}

async function classifyNewField(pair: RevisionPair, v: PdfValue, ctx: FormContext, out: FormOutcome) {
  const field = await pair.curDict(v);
  const num = isRef(v) ? v.num : undefined;
  const widgets: { num: number | undefined; dict: PdfDict }[] = [];
  if (field && isName(field.map.get("Subtype"), "Widget")) widgets.push({ num, dict: field });
  const kids = await pair.curValue(field?.map.get("Kids"));
  for (const k of asArray(kids).slice(0, 100)) {
    const d = await pair.curDict(k);
    if (d) widgets.push({ num: isRef(k) ? k.num : undefined, dict: d });
  }
  const nums = widgets.map((w) => w.num).filter((n): n is number => n !== undefined);
  for (const n of nums) out.handledWidgets.add(n);
  const where = async () => {
    let page: number | undefined;
    for (const n of nums) page ??= await ctx.pageOf(n);
    return { ...(num !== undefined ? { object: num } : {}), ...(page ? { page } : {}) };
  };
  if (!field) return pair.report({ code: "form_changed", subject: "Fields" });
  const ft = field.map.get("FT");
  if (!isName(ft, "Sig"))
    return pair.report({
      code: "form_field_added",
      subject: isName(ft) ? ft.value : "?",
      ...(await where()),
    });
  if (!field.map.has("V")) return pair.report({ code: "unsigned_signature_field", ...(await where()) });
  const kind = await signatureKind(pair, field.map.get("V"), ctx);
  if (!kind) return pair.report({ code: "signature_not_verifying", ...(await where()) });
  for (const d of [field, ...widgets.map((w) => w.dict)])
    for (const action of ["A", "AA"])
      if (d.map.has(action))
        return pair.report({ code: "action_added", subject: action, ...(await where()) });
  if (widgets.some((w) => w.dict !== field && (w.dict.map.has("T") || w.dict.map.has("Kids"))))
    return pair.report({ code: "form_field_added", subject: "Sig", ...(await where()) });
  for (const w of widgets)
    if (!(await invisible(pair, w.dict)))
      return pair.report({ code: "visible_signature_added", ...(await where()) });
  for (const n of nums) out.allowedWidgets.add(n);
  out.allowed.add(kind);
}

/** "signature" or "doc_timestamp" when `v` points at a signature dictionary that verified; else null. */
async function signatureKind(
  pair: RevisionPair,
  v: PdfValue | undefined,
  ctx: FormContext,
): Promise<AllowedChange | null> {
  if (!isRef(v) || ctx.verifies(v.num) !== true) return null;
  const d = await pair.curDict(v);
  return isName(d?.map.get("Type"), "DocTimeStamp") ? "doc_timestamp" : "signature";
}

/**
 * A widget no reader draws: flagged Hidden, or NoView without ToggleNoView, or with a rectangle
 * of zero width or height (its appearance is scaled to nothing). A missing or malformed /Rect is
 * not trusted to be invisible.
 */
export async function invisible(pair: RevisionPair, widget: PdfDict): Promise<boolean> {
  const f = widget.map.get("F");
  const flags = isInteger(f) ? f : 0;
  if (flags & 2) return true;
  if (flags & 32 && !(flags & 256)) return true;
  const rect = await pair.curValue(widget.map.get("Rect"));
  if (!Array.isArray(rect) || rect.length !== 4) return false;
  const n = rect.map((x) => (typeof x === "number" && Number.isFinite(x) ? x : Number.NaN));
  if (n.some(Number.isNaN)) return false;
  return n[0] === n[2] || n[1] === n[3];
}
