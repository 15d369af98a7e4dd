import { type Inflate, webInflate } from "./inflate.ts";
import { PdfLexer, readIndirectObject } from "./pdf-parser.ts";
import { decodeStream } from "./pdf-streams.ts";
import {
  dictOf,
  isDict,
  isInteger,
  isRef,
  isStream,
  type PdfDict,
  type PdfRef,
  PdfSyntaxError,
  type PdfValue,
} from "./pdf-values.ts";
import { findStartXref, readXrefChain, type XrefEntry, type XrefSection } from "./pdf-xref.ts";

/** Limits that keep reading hostile files bounded. */
export interface PdfReadOptions {
  inflate?: Inflate;
  /** Largest decoded stream (default 16 MiB). */
  maxStreamBytes?: number;
  /** Called often; throws to abort (time budget). */
  checkpoint?: () => void;
}

interface ObjStm {
  data: Uint8Array;
  offsets: Map<number, number>;
}

/**
 * A read-only view of a PDF revision: the cross-reference chain from a `startxref`, with lazy,
 * cached object resolution (object streams included). Never recursive beyond fixed bounds.
 */
export class PdfFile {
  readonly entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly objStms = new Map<number, ObjStm>();
  private readonly inflate: Inflate;
  private readonly maxStreamBytes: number;
  private readonly checkpoint: () => void;

  private constructor(
    readonly bytes: Uint8Array,
    readonly sections: XrefSection[],
    readonly startxref: number,
    options: PdfReadOptions,
  ) {
    this.inflate = options.inflate ?? webInflate;
    this.maxStreamBytes = options.maxStreamBytes ?? 16 * 1024 * 1024;
    this.checkpoint = options.checkpoint ?? (() => undefined);
    for (const s of sections)
      for (const [n, e] of s.entries) if (!this.entries.has(n)) this.entries.set(n, e);
  }

  /** Opens the revision that ends at `end` (default: the whole file). */
  static async open(bytes: Uint8Array, options: PdfReadOptions = {}, end = bytes.length): Promise<PdfFile> {
    const view = end === bytes.length ? bytes : bytes.subarray(0, end);
    const startxref = findStartXref(view);
    const inflate = options.inflate ?? webInflate;
    const max = options.maxStreamBytes ?? 16 * 1024 * 1024;
    const sections = await readXrefChain(view, startxref, async (v) => {
      options.checkpoint?.();
      if (!isStream(v)) throw new PdfSyntaxError("not a stream", 0);
      return decodeStream(view, v, inflate, max);
    });
    return new PdfFile(view, sections, startxref, options);
  }

  /** The newest trailer dictionary. */
  get trailer(): PdfDict {
    return (this.sections[0] as XrefSection).trailer;
  }

  /** The object `num`, or undefined when absent/free/unreadable. */
  async getObject(num: number): Promise<PdfValue | undefined> {
    if (this.cache.has(num)) return this.cache.get(num);
    this.checkpoint();
    const e = this.entries.get(num);
    let value: PdfValue | undefined;
    if (e?.type === "n") {
      if (e.offset >= this.bytes.length) return undefined;
      const obj = readIndirectObject(this.bytes, e.offset, (v) => this.syncLength(v));
      if (obj.num !== num) throw new PdfSyntaxError(`xref points to object ${obj.num}, not ${num}`, e.offset);
      value = obj.value;
    } else if (e?.type === "c") {
      value = await this.fromObjStm(e.stream, num);
    }
    if (value !== undefined) this.cache.set(num, value);
    return value;
  }

  /** Follows references (a bounded number of hops). */
  async resolve(v: PdfValue | undefined): Promise<PdfValue | undefined> {
    let cur = v;
    for (let hops = 0; isRef(cur); hops++) {
      if (hops > 16) throw new PdfSyntaxError("reference chain too long", 0);
      cur = await this.getObject((cur as PdfRef).num);
    }
    return cur;
  }

  /** Resolves to a dictionary (a stream's dictionary counts), else null. */
  async resolveDict(v: PdfValue | undefined): Promise<PdfDict | null> {
    return dictOf(await this.resolve(v));
  }

  /** Decodes a stream value with this file's limits. */
  async decode(v: PdfValue): Promise<Uint8Array> {
    if (!isStream(v)) throw new PdfSyntaxError("not a stream", 0);
    this.checkpoint();
    return decodeStream(this.bytes, v, this.inflate, this.maxStreamBytes);
  }

  /** The document catalog, or null. */
  async catalog(): Promise<PdfDict | null> {
    const root = await this.resolve(this.trailer.map.get("Root"));
    return isDict(root) ? root : null;
  }

  private syncLength(v: PdfValue): number | null {
    if (!isRef(v)) return null;
    const e = this.entries.get(v.num);
    if (e?.type !== "n") return null;
    try {
      const o = readIndirectObject(this.bytes, e.offset);
      return isInteger(o.value) ? o.value : null;
    } catch {
      return null;
    }
  }

  /** The decoded data of object stream `streamNum` (cached), or null when it is not one. */
  async objectStreamData(streamNum: number): Promise<Uint8Array | null> {
    return (await this.loadObjStm(streamNum))?.data ?? null;
  }

  private async loadObjStm(streamNum: number): Promise<ObjStm | null> {
    let stm = this.objStms.get(streamNum);
    if (stm) return stm;
    const e = this.entries.get(streamNum);
    if (e?.type !== "n") return null;
    const obj = readIndirectObject(this.bytes, e.offset, (v) => this.syncLength(v));
    if (!isStream(obj.value)) return null;
    const n = obj.value.dict.map.get("N");
    const first = obj.value.dict.map.get("First");
    if (!isInteger(n) || !isInteger(first) || n < 0 || n > 100_000) return null;
    const data = await this.decode(obj.value);
    const lx = new PdfLexer(data, 0);
    const offsets = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const on = lx.readUInt();
      const off = lx.readUInt();
      if (on === null || off === null) break;
      if (!offsets.has(on)) offsets.set(on, first + off);
    }
    stm = { data, offsets };
    this.objStms.set(streamNum, stm);
    return stm;
  }

  /** Object `num` as stored in object stream `streamNum` of this file (not cached). */
  async fromObjStm(streamNum: number, num: number): Promise<PdfValue | undefined> {
    const stm = await this.loadObjStm(streamNum);
    const at = stm?.offsets.get(num);
    if (!stm || at === undefined || at >= stm.data.length) return undefined;
    const lx = new PdfLexer(stm.data, at);
    return lx.readValue();
  }
}
