import { PdfFile, type PdfReadOptions } from "../verification/pdf/pdf-file.ts";
import {
  decodeTextString,
  dictOf,
  isDict,
  isName,
  isRef,
  isStream,
  isString,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from "../verification/pdf/pdf-values.ts";
import { closeIncrementalUpdate, genOf, nextObjectNumber, ref } from "./incremental-update.ts";
import { pdfDate, serializeName, serializeValue, textString } from "./pdf-serialize.ts";
import {
  DOC_MDP_PERMISSION,
  type PreparedSignature,
  type PrepareOptions,
  type SignatureFields,
} from "./signing.types.ts";

/** The input cannot be signed (encrypted, no catalog or page tree…). */
export class UnsignablePdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsignablePdfError";
  }
}

const BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 0000000000 0000000000 0000000000]";

/**
 * Appends, by incremental update, a signature field (merged with an invisible widget on the first
 * page) and its /Sig (or /DocTimeStamp) dictionary with a zero-filled /Contents, and fills /ByteRange. The first
 * signature of a document is a certification signature (DocMDP, /P {@link DOC_MDP_PERMISSION},
 * /Perms in the catalog); later ones are approval signatures. Pure: no crypto, no I/O.
 */
export async function prepareSignatureUpdate(
  pdf: Uint8Array,
  options: PrepareOptions,
  read: PdfReadOptions = {},
): Promise<PreparedSignature> {
  const file = await PdfFile.open(pdf, read);
  const trailer = file.trailer;
  if (trailer.map.has("Encrypt")) throw new UnsignablePdfError("encrypted PDF files cannot be signed");
  const rootRef = trailer.map.get("Root");
  if (!isRef(rootRef)) throw new UnsignablePdfError("the trailer has no /Root reference");
  const catalog = await file.getObject(rootRef.num);
  if (!isDict(catalog)) throw new UnsignablePdfError("the catalog is not a dictionary");
  const page = await firstPage(file, catalog);

  let next = nextObjectNumber(file);
  const sigNum = next++;
  const fieldNum = next++;
  const changed = new Map<number, string>();

  // AcroForm and its /Fields
  const acroValue = catalog.map.get("AcroForm");
  const acroForm = (await file.resolveDict(acroValue)) ?? { kind: "dict", map: new Map(), start: 0, end: 0 };
  const fieldsValue = acroForm.map.get("Fields");
  const fields = await file.resolve(fieldsValue);
  const fieldList = Array.isArray(fields) ? fields : [];
  const { names, signed } = await describeFields(file, fieldList);
  const timestamp = options.kind === "document_timestamp";
  const certification =
    !timestamp && !signed && !(await file.resolveDict(catalog.map.get("Perms")))?.map.has("DocMDP");
  const newFields: PdfValue[] = [...fieldList, ref(fieldNum)];
  const newAcro = copyDict(acroForm);
  if (isRef(fieldsValue) && Array.isArray(fields)) changed.set(fieldsValue.num, serializeValue(newFields));
  else newAcro.map.set("Fields", newFields);
  newAcro.map.set("SigFlags", 3);
  const newCatalog = copyDict(catalog);
  if (isRef(acroValue) && isDict(await file.getObject(acroValue.num)))
    changed.set(acroValue.num, serializeValue(newAcro));
  else newCatalog.map.set("AcroForm", newAcro);
  if (certification) {
    const perms = copyDict((await file.resolveDict(catalog.map.get("Perms"))) ?? emptyDict());
    perms.map.set("DocMDP", ref(sigNum));
    newCatalog.map.set("Perms", perms);
  }
  if (certification || !isRef(acroValue)) changed.set(rootRef.num, serializeValue(newCatalog));

  // the page's /Annots
  const annotsValue = page.dict.map.get("Annots");
  const annots = await file.resolve(annotsValue);
  const newAnnots: PdfValue[] = [...(Array.isArray(annots) ? annots : []), ref(fieldNum)];
  if (isRef(annotsValue) && Array.isArray(annots)) changed.set(annotsValue.num, serializeValue(newAnnots));
  else {
    const newPage = copyDict(page.dict);
    newPage.map.set("Annots", newAnnots);
    changed.set(page.ref.num, serializeValue(newPage));
  }

  const baseName = options.fieldName ?? (timestamp ? "DocTimeStamp" : "Signature");
  let fieldName = options.fieldName ?? `${baseName}1`;
  for (let i = 2; names.has(fieldName); i++) fieldName = `${baseName}${i}`;
  changed.set(
    fieldNum,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${textString(fieldName)} /V ${sigNum} 0 R /F 132 /Rect [0 0 0 0] /P ${page.ref.num} ${page.ref.gen} R >>`,
  );
  const { sigPrefix, sigSuffix } =
    options.kind === "document_timestamp"
      ? {
          sigPrefix: `<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 ${BYTE_RANGE_PLACEHOLDER} /Contents <`,
          sigSuffix: "> >>",
        }
      : signatureDictionary(options.fields, certification, options.application);

  // assemble the update
  const base = pdf.length;
  const needsEol = pdf[base - 1] !== 10 && pdf[base - 1] !== 13;
  const parts: (string | number)[] = [needsEol ? "\n" : ""];
  let len = needsEol ? 1 : 0;
  const offsets = new Map<number, number>();
  let contentsAt = 0;
  let byteRangeAt = 0;
  const push = (s: string) => {
    parts.push(s);
    len += s.length;
  };
  offsets.set(sigNum, base + len);
  push(`${sigNum} 0 obj\n`);
  byteRangeAt = base + len + sigPrefix.indexOf("[");
  push(sigPrefix);
  contentsAt = base + len - 1;
  parts.push(options.contentsCapacity * 2); // zero digits, filled below
  len += options.contentsCapacity * 2;
  push(`${sigSuffix}\nendobj\n`);
  for (const [num, text] of [...changed].filter(([n]) => n !== sigNum).sort((a, b) => a[0] - b[0])) {
    offsets.set(num, base + len);
    push(`${num} ${genOf(file, num)} obj\n`);
    push(`${text}\nendobj\n`);
  }
  push(closeIncrementalUpdate(file, offsets, next, base + len));

  const out = new Uint8Array(base + len);
  out.set(pdf, 0);
  let p = base;
  for (const s of parts) {
    if (typeof s === "number") {
      out.fill(0x30, p, p + s);
      p += s;
      continue;
    }
    for (let i = 0; i < s.length; i++) out[p + i] = s.charCodeAt(i);
    p += s.length;
  }
  const a = contentsAt;
  const b = a + options.contentsCapacity * 2 + 2;
  const c = out.length - b;
  const br = `[0 ${a} ${b} ${c}`;
  const width = BYTE_RANGE_PLACEHOLDER.length - "/ByteRange ".length - 1;
  const filled = `${br.padEnd(width, " ")}]`;
  for (let i = 0; i < filled.length; i++) out[byteRangeAt + i] = filled.charCodeAt(i);
  return {
    bytes: out,
    byteRange: [0, a, b, c],
    contentsStart: a + 1,
    contentsCapacity: options.contentsCapacity,
    certification,
  };
}

function signatureDictionary(
  f: SignatureFields,
  certification: boolean,
  application: string | undefined,
): { sigPrefix: string; sigSuffix: string } {
  const reference = certification
    ? ` /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P ${DOC_MDP_PERMISSION} /V /1.2 >> >>]`
    : "";
  return {
    sigPrefix: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} /Contents <`,
    sigSuffix:
      `> /M (${pdfDate(f.signingTime)}) /Name ${textString(f.name)} /Reason ${textString(f.reason)} /Location ${textString(f.location)}` +
      (f.contactInfo ? ` /ContactInfo ${textString(f.contactInfo)}` : "") +
      `${reference} /Prop_Build << /App << /Name ${serializeName(application ?? "Sceau")} >> >> >>`,
  };
}

function emptyDict(): PdfDict {
  return { kind: "dict", map: new Map(), start: 0, end: 0 };
}

function copyDict(d: PdfDict): PdfDict {
  return { kind: "dict", map: new Map(d.map), start: 0, end: 0 };
}

async function firstPage(file: PdfFile, catalog: PdfDict): Promise<{ ref: PdfRef; dict: PdfDict }> {
  let nodeRef = catalog.map.get("Pages");
  for (let depth = 0; depth < 32; depth++) {
    if (!isRef(nodeRef)) break;
    const node = await file.getObject(nodeRef.num);
    if (!isDict(node) || isStream(node)) break;
    if (isName(node.map.get("Type"), "Page") || !node.map.has("Kids")) return { ref: nodeRef, dict: node };
    const kids = await file.resolve(node.map.get("Kids"));
    if (!Array.isArray(kids) || kids.length === 0) break;
    nodeRef = kids[0];
  }
  throw new UnsignablePdfError("the document has no page");
}

async function describeFields(
  file: PdfFile,
  fields: PdfValue[],
): Promise<{ names: Set<string>; signed: boolean }> {
  const names = new Set<string>();
  let signed = false;
  const queue: { v: PdfValue; ft: PdfValue | undefined; depth: number }[] = fields.map((v) => ({
    v,
    ft: undefined,
    depth: 0,
  }));
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const { v, ft, depth } = queue[i] as (typeof queue)[number];
    const d = dictOf(await file.resolve(v));
    if (!d) continue;
    const t = d.map.get("T");
    if (depth === 0 && isString(t)) names.add(decodeTextString(t.bytes));
    const type = d.map.get("FT") ?? ft;
    if (isName(type, "Sig") && d.map.get("V") !== undefined) signed = true;
    const kids = await file.resolve(d.map.get("Kids"));
    if (Array.isArray(kids) && depth < 16)
      for (const k of kids) queue.push({ v: k, ft: type, depth: depth + 1 });
  }
  return { names, signed };
}
