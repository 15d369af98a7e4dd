import { appendIncrementalUpdate, nextObjectNumber } from "../../src/core/signing/incremental-update.ts";
import { serializeValue } from "../../src/core/signing/pdf-serialize.ts";
import { PdfFile } from "../../src/core/verification/pdf/pdf-file.ts";
import {
  dictOf,
  isName,
  isRef,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from "../../src/core/verification/pdf/pdf-values.ts";

/** A reference to generation 0 of `num`. */
export const r = (num: number): PdfRef => ({ kind: "ref", num, gen: 0 });
/** A PDF name value. */
export const name = (value: string) => ({ kind: "name" as const, value });
/** A copy of a dictionary that can be edited. */
export const copy = (d: PdfDict): PdfDict => ({ kind: "dict", map: new Map(d.map), start: 0, end: 0 });

/** A stream object body (uncompressed). */
export function stream(dict: string, data: string): string {
  return `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
}

/**
 * Writes one incremental update on an existing (signed) PDF the way an attacker's tool would:
 * new or redefined objects, closed by the same kind of cross-reference section the file ends
 * with. Reads the file with Sceau's own parser (only to find object numbers).
 */
export class PdfEditor {
  readonly objects = new Map<number, string>();

  private constructor(
    readonly bytes: Uint8Array,
    readonly file: PdfFile,
    public next: number,
  ) {}

  static async open(bytes: Uint8Array): Promise<PdfEditor> {
    const file = await PdfFile.open(bytes);
    return new PdfEditor(bytes, file, nextObjectNumber(file));
  }

  /** A new object; returns its number. */
  add(body: string): number {
    const num = this.next++;
    this.objects.set(num, body);
    return num;
  }

  /** Redefines object `num` (a dictionary value is serialized). */
  set(num: number, body: string | PdfValue): void {
    this.objects.set(num, typeof body === "string" ? body : serializeValue(body));
  }

  /** An object as it is now: the pending edit when there is one is not parsed back. */
  async get(num: number): Promise<PdfValue | undefined> {
    return this.file.getObject(num);
  }

  async catalog(): Promise<{ num: number; dict: PdfDict }> {
    const root = this.file.trailer.map.get("Root");
    const dict = isRef(root) ? dictOf(await this.file.getObject(root.num)) : null;
    if (!isRef(root) || !dict) throw new Error("no catalog");
    return { num: root.num, dict };
  }

  /** The pages, in order (a flat tree is enough for the test documents). */
  async pages(): Promise<{ num: number; dict: PdfDict }[]> {
    const { dict } = await this.catalog();
    const out: { num: number; dict: PdfDict }[] = [];
    const walk = async (v: PdfValue | undefined) => {
      const d = await this.file.resolveDict(v);
      if (!d || !isRef(v)) return;
      if (isName(d.map.get("Type"), "Page")) out.push({ num: v.num, dict: d });
      else for (const k of ((await this.file.resolve(d.map.get("Kids"))) as PdfValue[]) ?? []) await walk(k);
    };
    await walk(dict.map.get("Pages"));
    return out;
  }

  /** The page-tree root. */
  async pagesRoot(): Promise<{ num: number; dict: PdfDict }> {
    const v = (await this.catalog()).dict.map.get("Pages");
    const d = await this.file.resolveDict(v);
    if (!isRef(v) || !d) throw new Error("no page tree");
    return { num: v.num, dict: d };
  }

  /** Appends `annot` (an object number) to the /Annots of page `index`. */
  async addToPage(annot: number, index = 0): Promise<void> {
    const page = (await this.pages())[index];
    if (!page) throw new Error("no such page");
    const annots = page.dict.map.get("Annots");
    const list = ((await this.file.resolve(annots)) as PdfValue[] | undefined) ?? [];
    const next = [...list, r(annot)];
    if (isRef(annots)) this.set(annots.num, next);
    else {
      const d = copy(page.dict);
      d.map.set("Annots", next);
      this.set(page.num, d);
    }
  }

  /** Appends `field` to the AcroForm's /Fields, wherever the AcroForm and its /Fields live. */
  async addToForm(field: number): Promise<void> {
    const cat = await this.catalog();
    const acroValue = cat.dict.map.get("AcroForm");
    const acro = (await this.file.resolveDict(acroValue)) ?? {
      kind: "dict" as const,
      map: new Map(),
      start: 0,
      end: 0,
    };
    const fieldsValue = acro.map.get("Fields");
    const fields = ((await this.file.resolve(fieldsValue)) as PdfValue[] | undefined) ?? [];
    if (isRef(fieldsValue)) return this.set(fieldsValue.num, [...fields, r(field)]);
    const nextAcro = copy(acro);
    nextAcro.map.set("Fields", [...fields, r(field)]);
    if (isRef(acroValue)) return this.set(acroValue.num, nextAcro);
    const c = copy(cat.dict);
    c.map.set("AcroForm", nextAcro);
    this.set(cat.num, c);
  }

  /** Sets entries of the catalog (merging with pending edits is not supported: one call per update). */
  async setCatalog(entries: Record<string, PdfValue>): Promise<void> {
    const cat = await this.catalog();
    const c = copy(cat.dict);
    for (const [k, v] of Object.entries(entries)) c.map.set(k, v);
    this.set(cat.num, c);
  }

  /** The file with the update appended. */
  build(trailer?: ReadonlyMap<string, PdfValue>): Uint8Array {
    return this.buildOn(this.bytes, trailer);
  }

  /** The update appended to `prefix`: the opened file plus bytes of the caller's own (offsets follow them). */
  buildOn(prefix: Uint8Array, trailer?: ReadonlyMap<string, PdfValue>): Uint8Array {
    return appendIncrementalUpdate(prefix, this.file, this.objects, this.next, trailer);
  }
}
