import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodePdfTools } from "../../../src/adapters/pdf/node-pdf-tools.ts";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { qrMatrix } from "../../../src/adapters/pdf/qr-matrix.ts";
import { encodeWinAnsi, helveticaWidth } from "../../../src/core/signing/helvetica-metrics.ts";
import { UnsignablePdfError } from "../../../src/core/signing/prepare-signature-update.ts";
import { verificationNoticeContent } from "../../../src/core/signing/verification-notice-content.ts";
import { PdfFile } from "../../../src/core/verification/pdf/pdf-file.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { nssDbTrusting, pdfsig, tempDir } from "../../support/pki/pdf-tools.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { pageTreePdf, samplePdf } from "../../support/sample-pdf.ts";

const ID = "0190f7f2-9a1b-7c3d-8e4f-123456789abc";
const VERIFY_URL = `https://sceau.example.org/v/${ID}`;

/** Runs a poppler tool on `pdf`; poppler repairs a broken cross-reference silently except for stderr. */
function poppler(
  tool: string,
  pdf: Uint8Array,
  args: string[] = [],
): { out: string; err: string; dir: string } {
  const dir = tempDir();
  writeFileSync(join(dir, "doc.pdf"), pdf);
  const r = spawnSync(
    tool,
    [
      ...args,
      join(dir, "doc.pdf"),
      ...(tool === "pdftotext" ? ["-"] : tool === "pdftoppm" ? [join(dir, "p")] : []),
    ],
    {
      encoding: "utf8",
      cwd: dir,
    },
  );
  return { out: r.stdout, err: r.stderr, dir };
}

function pageInfo(pdf: Uint8Array): { pages: number; sizes: string[]; rotations: string[] } {
  const { out, err } = poppler("pdfinfo", pdf, ["-f", "1", "-l", "100"]);
  expect(err).toBe("");
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]),
    sizes: [...out.matchAll(/^Page\s+\d+ size:\s+(\S+ x \S+) pts/gm)].map((m) => m[1] as string),
    rotations: [...out.matchAll(/^Page\s+\d+ rot:\s+(\d+)/gm)].map((m) => m[1] as string),
  };
}

/** Every object the update's cross-reference section lists is where it says (our reader checks the number). */
async function expectUpdateReadable(pdf: Uint8Array): Promise<void> {
  const file = await PdfFile.open(pdf);
  const entries = [...(file.sections[0]?.entries ?? [])];
  expect(entries.length).toBeGreaterThanOrEqual(5);
  for (const [num, e] of entries) if (e.type === "n") expect(await file.getObject(num)).toBeDefined();
}

const pageText = (pdf: Uint8Array, first: number, last = first) =>
  poppler("pdftotext", pdf, ["-f", String(first), "-l", String(last)]).out;

async function signAndCheck(stamped: Uint8Array): Promise<void> {
  const pki = await testPki();
  const id = await testIdentity("ECDSA-P256");
  const signer = createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 });
  const signed = await signer.sign(stamped, FIELDS);
  const report = await verifyPdf(signed, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
  expect(report.valid).toBe(true);
  expect(report.document.id).toBe(ID);
  expect(report.signatures[0]?.docMdpLevel).toBe(2);
  expect(report.signatures[0]?.coversWholeDocument).toBe(true);
  const out = pdfsig(signed, nssDbTrusting(pki.root.certificatePem));
  expect(out).toContain("Signature is Valid.");
  expect(out).toContain("Certificate is Trusted.");
  expect(out).toContain("Total document signed");
}

describe("verification notice (incremental update)", { timeout: 60_000 }, () => {
  it("appends a bilingual notice page after the original bytes (object streams), and the signed result validates", async () => {
    const original = await samplePdf({ pages: 2 });
    const stamped = await nodePdfTools.stamp(original, { url: VERIFY_URL, documentId: ID });
    expect(Buffer.from(stamped.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(stamped.subarray(original.length)).toString("latin1")).toContain("/Type /XRef");
    expect(pageInfo(stamped)).toEqual({
      pages: 3,
      sizes: ["612 x 792", "612 x 792", "612 x 792"],
      rotations: ["0", "0", "0"],
    });

    const notice = pageText(stamped, 3);
    expect(notice).toContain("Document certifié — vérifiez-le");
    expect(notice).toContain("Certified document — verify it");
    expect(notice).toContain("N° du document / Document ID");
    expect(notice).toContain(VERIFY_URL);
    expect(notice).toContain(ID);
    expect(notice).toContain("registre de l'établissement.");
    expect(notice).toContain("with the institution's registry.");
    expect(pageText(stamped, 1, 2)).not.toContain("Certified document");
    await expectUpdateReadable(stamped);

    // the QR code is drawn (vector rectangles): the page's top-left area has dark pixels
    const { dir } = poppler("pdftoppm", stamped, ["-f", "3", "-l", "3", "-r", "36", "-gray"]);
    const pgm = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".pgm")) ?? "missing"));
    const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40)) ?? [];
    const pixels = pgm.subarray(pgm.length - Number(w) * Number(h));
    let dark = 0;
    for (let y = 20; y < 90; y++)
      for (let x = 20; x < 90; x++) if ((pixels[y * Number(w) + x] as number) < 100) dark++;
    expect(dark).toBeGreaterThan(800); // QR modules in the top-left 70×70 px (≈ 1.9 in)

    await signAndCheck(stamped);
  });

  it("extends a classic cross-reference table with a table", async () => {
    const original = await samplePdf({ pages: 3, objectStreams: false });
    const stamped = await nodePdfTools.stamp(original, { url: VERIFY_URL, documentId: ID });
    const update = Buffer.from(stamped.subarray(original.length)).toString("latin1");
    expect(update).toMatch(/\nxref\n[\s\S]*trailer\n<<[^>]*\/Prev \d+/);
    expect(update).not.toContain("/Type /XRef");
    expect(pageInfo(stamped).pages).toBe(4);
    expect(pageText(stamped, 4)).toContain(VERIFY_URL);
    await expectUpdateReadable(stamped);
    await signAndCheck(stamped);
  });

  it("appends to a nested page tree, sized and turned like the last page as shown, and creates the Info dictionary", async () => {
    const original = pageTreePdf();
    expect(pageInfo(original).sizes).toEqual(["612 x 792", "612 x 792", "595 x 842"]);
    const stamped = await nodePdfTools.stamp(original, { url: VERIFY_URL, documentId: ID });
    expect(Buffer.from(stamped.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(pageInfo(stamped)).toEqual({
      pages: 4,
      sizes: ["612 x 792", "612 x 792", "595 x 842", "842 x 595"],
      rotations: ["0", "0", "90", "0"],
    });
    expect(pageText(stamped, 1, 3).match(/Page \d/g)).toEqual(["Page 1", "Page 2", "Page 3"]);
    expect(pageText(stamped, 4)).toContain("Certified document — verify it");
    await expectUpdateReadable(stamped);
    await signAndCheck(stamped);
  });

  it("refuses an encrypted file", async () => {
    await expect(
      nodePdfTools.stamp(pageTreePdf({ encrypted: true }), { url: VERIFY_URL, documentId: ID }),
    ).rejects.toThrow(UnsignablePdfError);
  });

  // [page width, left edge of the text, widest line]: beside the QR code, or under it on a narrow page
  const columns: [number, number, number][] = [
    [520, 200, 520 - 200 - 48],
    [320, 48, 320 - 2 * 48],
  ];
  for (const [width, left, maxWidth] of columns) {
    it(`keeps every line within a ${width} pt page: a long address is cut where it no longer fits`, () => {
      const long = `https://portail.sceau.cegep-de-demonstration.example.org/verification/documents/${ID}/${ID}`;
      const content = verificationNoticeContent({
        width,
        height: 595,
        url: long,
        documentId: ID,
        qr: qrMatrix(long),
      });
      const lines = [...content.matchAll(/\/F(\d) (\d+) Tf|1 0 0 1 (\S+) \S+ Tm <([0-9a-f]+)> Tj/g)];
      let font = { bold: false, size: 0 };
      const texts: string[] = [];
      for (const [, f, size, x, hex] of lines) {
        if (f) font = { bold: f === "2", size: Number(size) };
        else {
          const bytes = Buffer.from(hex as string, "hex");
          expect(Number(x)).toBe(left);
          expect(helveticaWidth(bytes, font.size, font.bold)).toBeLessThanOrEqual(maxWidth);
          texts.push(bytes.toString("latin1"));
        }
      }
      expect(texts.join("")).toContain(long);
      expect(texts.length).toBeGreaterThan(8);
    });
  }

  it("encodes French and typographic characters in WinAnsiEncoding", () => {
    expect(Buffer.from(encodeWinAnsi("é — ’ € œ")).toString("hex")).toBe("e9209720922080209c");
    expect(Buffer.from(encodeWinAnsi("✓")).toString("latin1")).toBe("?");
  });
});
