import type { Modification } from "./modification-reasons.ts";
import type { PdfFile } from "./pdf/pdf-file.ts";
import {
  bytesEqual,
  dictOf,
  isRef,
  isStream,
  type PdfDict,
  type PdfValue,
  valuesEqual,
} from "./pdf/pdf-values.ts";
import type { ObjectChanges } from "./update-sections.ts";

/** The comparison went past its bounds: the file is reported as changed, not analysed further. */
export class TooComplexToCompare extends Error {}

/**
 * Where two values first differ: the keys and indexes from the compared value down to the
 * difference ([] is the value itself), and the deepest object that differs, when it is one.
 */
export interface Difference {
  path: string[];
  object: number | undefined;
}

const HERE: Difference = { path: [], object: undefined };
const under = (key: string, d: Difference): Difference => ({ path: [key, ...d.path], object: d.object });

const MAX_STEPS = 200_000;
const MAX_DEPTH = 256;
/** Back-references compared by identity: the objects they point to are compared on their own path. */
const BACK_REFERENCES = new Set(["P", "Parent"]);

/**
 * The signed revision and the whole file side by side, with a structural comparison of their
 * object graphs that follows references on both sides at once (memoised, bounded). An object
 * whose cross-reference entry did not change is read once and only its references are followed,
 * so a reference that was dangling when signed and points at a new object is still found. Rules
 * (catalog, form, pages) record what they accepted in `explained` and what they refuse in
 * `findings`.
 */
export class RevisionPair {
  /** Changed objects whose change a rule examined (accepted or reported). */
  readonly explained = new Set<number>();
  /** Objects the comparison reached. */
  readonly visited = new Set<number>();
  readonly findings: Modification[] = [];
  /**
   * Whether objects the updates did not touch are walked through (to find a reference to an
   * added object). The caller turns it off when the signed revision cannot hold such a reference.
   */
  descendUnchanged = true;
  private readonly reported = new Set<number>();
  private readonly memo = new Map<string, Difference | null>();
  private steps = 0;

  constructor(
    readonly old: PdfFile,
    readonly cur: PdfFile,
    readonly changes: ObjectChanges,
    private readonly checkpoint: () => void = () => undefined,
  ) {}

  /** Records a finding (once per object). */
  report(m: Modification): void {
    if (m.object !== undefined) {
      if (this.reported.has(m.object)) return;
      this.reported.add(m.object);
    }
    this.findings.push(m);
  }

  isReported(num: number): boolean {
    return this.reported.has(num);
  }

  /**
   * Whether a value (the same on both sides) holds a reference that must be followed: one to a
   * changed object, or any reference while untouched objects are walked through. Synchronous.
   */
  private leadsToChange(v: PdfValue, depth: number): boolean {
    if (v === null || typeof v !== "object") return false;
    if (depth > 32) return true;
    if (Array.isArray(v)) {
      for (const e of v)
        if (typeof e === "object" && e !== null && this.leadsToChange(e, depth + 1)) return true;
      return false;
    }
    switch (v.kind) {
      case "ref":
        return this.descendUnchanged || this.changed(v.num);
      case "dict":
        for (const e of v.map.values())
          if (typeof e === "object" && e !== null && this.leadsToChange(e, depth + 1)) return true;
        return false;
      case "stream":
        return this.leadsToChange(v.dict, depth + 1);
      default:
        return false;
    }
  }

  private changed(num: number): boolean {
    const c = this.changes;
    return c.redefined.has(num) || c.added.has(num) || c.deleted.has(num);
  }

  /**
   * Object `num` of the signed revision. One the updates did not touch is read from the whole
   * file, where it is already parsed (same entry, same bytes; a redefined indirect /Length is a
   * change of its own object, which the fallback rule reports).
   */
  private async oldObject(num: number): Promise<PdfValue | undefined> {
    if (!this.changed(num)) return this.cur.getObject(num);
    const e = this.old.entries.get(num);
    // a redefined object that was compressed in an object stream the updates kept: read it there
    if (e?.type === "c" && !this.changed(e.stream)) return this.cur.fromObjStm(e.stream, num);
    return this.old.getObject(num);
  }

  /** The value in the signed revision, references followed (a missing object is null). */
  async oldValue(v: PdfValue | undefined): Promise<PdfValue> {
    let cur = v;
    for (let hops = 0; isRef(cur); hops++) {
      if (hops > 16) return null;
      cur = await this.oldObject(cur.num);
    }
    return cur ?? null;
  }

  /** The value in the whole file, references followed (a missing object is null). */
  async curValue(v: PdfValue | undefined): Promise<PdfValue> {
    return (await this.cur.resolve(v)) ?? null;
  }

  async oldDict(v: PdfValue | undefined): Promise<PdfDict | null> {
    return dictOf(await this.oldValue(v));
  }

  async curDict(v: PdfValue | undefined): Promise<PdfDict | null> {
    return dictOf(await this.curValue(v));
  }

  /** First difference between `a` (signed revision) and `b` (whole file), or null when equal. */
  async diff(a: PdfValue | undefined, b: PdfValue | undefined, depth = 0): Promise<Difference | null> {
    if (++this.steps > MAX_STEPS || depth > MAX_DEPTH) throw new TooComplexToCompare();
    if (this.steps % 256 === 0) this.checkpoint();
    const x = a ?? null;
    const y = b ?? null;
    if (x === y && !this.leadsToChange(x, 0)) return null;
    if (isRef(x) && isRef(y)) {
      const key = `${x.num} ${y.num}`;
      if (this.memo.has(key)) return this.memo.get(key) ?? null;
      this.memo.set(key, null); // assumed equal while being compared (cycles)
      this.visited.add(x.num).add(y.num);
      const result =
        x.num === y.num && !this.changed(x.num)
          ? await this.sameObject((await this.cur.getObject(x.num)) ?? null, depth)
          : await this.diffValues(
              (await this.oldObject(x.num)) ?? null,
              (await this.cur.getObject(y.num)) ?? null,
              depth,
            );
      const found = result && result.object === undefined ? { ...result, object: y.num } : result;
      this.memo.set(key, found);
      return found;
    }
    if (isRef(x)) {
      this.visited.add(x.num);
      const d = await this.diffValues((await this.oldObject(x.num)) ?? null, y, depth);
      return d && d.object === undefined ? { ...d, object: x.num } : d;
    }
    if (isRef(y)) {
      this.visited.add(y.num);
      const d = await this.diffValues(x, (await this.cur.getObject(y.num)) ?? null, depth);
      return d && d.object === undefined ? { ...d, object: y.num } : d;
    }
    return this.diffValues(x, y, depth);
  }

  /** Compares two dictionaries key by key, skipping `ignore`; the first differing key's path. */
  async diffDicts(
    a: PdfDict,
    b: PdfDict,
    ignore: ReadonlySet<string>,
    depth = 0,
  ): Promise<Difference | null> {
    for (const k of new Set([...a.map.keys(), ...b.map.keys()])) {
      if (ignore.has(k)) continue;
      const x = a.map.get(k);
      const y = b.map.get(k);
      if (BACK_REFERENCES.has(k) && this.sameBackReference(x, y)) continue;
      const sub = await this.diff(x, y, depth + 1);
      if (sub) return under(k, sub);
    }
    return null;
  }

  private sameBackReference(x: PdfValue | undefined, y: PdfValue | undefined): boolean {
    return (
      isRef(x) &&
      isRef(y) &&
      x.num === y.num &&
      !this.changes.added.has(x.num) &&
      !this.changes.deleted.has(x.num)
    );
  }

  private async diffValues(x: PdfValue, y: PdfValue, depth: number): Promise<Difference | null> {
    if (x === null || y === null || typeof x !== "object" || typeof y !== "object")
      return x === y ? null : HERE;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return HERE;
      for (let i = 0; i < x.length; i++) {
        const sub = await this.diff(x[i], y[i], depth + 1);
        if (sub) return under(String(i), sub);
      }
      return null;
    }
    if (x.kind !== y.kind) return HERE;
    if (x.kind === "dict" && y.kind === "dict") return this.diffDicts(x, y, new Set(), depth);
    if (x.kind === "stream" && y.kind === "stream") {
      const d = await this.diffDicts(x.dict, y.dict, new Set(["Length"]), depth);
      if (d) return d;
      const same = bytesEqual(
        this.old.bytes.subarray(x.dataStart, x.dataEnd),
        this.cur.bytes.subarray(y.dataStart, y.dataEnd),
      );
      return same ? null : HERE;
    }
    return valuesEqual(x, y) ? null : HERE;
  }

  /** An object the update did not touch: equal to itself, but its references may lead to changes. */
  private async sameObject(v: PdfValue, depth: number): Promise<Difference | null> {
    if (!this.descendUnchanged || v === null || typeof v !== "object") return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e = v[i] as PdfValue;
        if (isRef(e) || (typeof e === "object" && e !== null)) {
          const sub = await this.diff(e, e, depth + 1);
          if (sub) return under(String(i), sub);
        }
      }
      return null;
    }
    const dict = isStream(v) ? v.dict : v.kind === "dict" ? v : null;
    if (!dict) return null;
    for (const [k, e] of dict.map) {
      if (BACK_REFERENCES.has(k) && this.sameBackReference(e, e)) continue;
      if (isRef(e) || (typeof e === "object" && e !== null)) {
        const sub = await this.diff(e, e, depth + 1);
        if (sub) return under(k, sub);
      }
    }
    return null;
  }
}
