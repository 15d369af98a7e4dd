import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { addVerificationStamp } from "../../../src/adapters/pdf/verification-stamp.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { nssDbTrusting, pdfsig, tempDir } from "../../support/pki/pdf-tools.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

describe("verification stamp", { timeout: 60_000 }, () => {
  it("appends a bilingual notice page with the URL and id, keeps the original pages, and the id reaches the report", async () => {
    const original = await samplePdf({ pages: 2 });
    const url = "https://sceau.example.org/v/doc_01HZX3";
    const stamped = await addVerificationStamp(original, { url, documentId: "doc_01HZX3" });
    const doc = await PDFDocument.load(stamped);
    expect(doc.getPageCount()).toBe(3);

    const dir = tempDir();
    writeFileSync(join(dir, "s.pdf"), stamped);
    const lastPage = execFileSync("pdftotext", ["-f", "3", "-l", "3", join(dir, "s.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(lastPage).toContain("Document certifié — vérifiez-le");
    expect(lastPage).toContain("Certified document — verify it");
    expect(lastPage).toContain(url);
    expect(lastPage).toContain("doc_01HZX3");
    const firstPages = execFileSync("pdftotext", ["-f", "1", "-l", "2", join(dir, "s.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(firstPages).not.toContain("Certified document");

    // the QR code is drawn (vector rectangles): the page's top-left area has dark pixels
    execFileSync("pdftoppm", ["-f", "3", "-l", "3", "-r", "36", "-gray", join(dir, "s.pdf"), join(dir, "p")]);
    const pgm = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".pgm")) ?? "missing"));
    const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40)) ?? [];
    const pixels = pgm.subarray(pgm.length - Number(w) * Number(h));
    let dark = 0;
    for (let y = 20; y < 90; y++)
      for (let x = 20; x < 90; x++) if ((pixels[y * Number(w) + x] as number) < 100) dark++;
    expect(dark).toBeGreaterThan(800); // QR modules in the top-left 70×70 px (≈ 1.9 in)

    const pki = await testPki();
    const id = await testIdentity("ECDSA-P256");
    const signed = await createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 }).sign(
      stamped,
      FIELDS,
    );
    const report = await verifyPdf(signed, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
    expect(report.valid).toBe(true);
    expect(report.document.id).toBe("doc_01HZX3");
    expect(pdfsig(signed, nssDbTrusting(pki.root.certificatePem))).toContain("Total document signed");
  });
});
