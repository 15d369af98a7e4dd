import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendDocumentTimestamp } from "../../../src/adapters/pdf/document-timestamp.ts";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { appendDss } from "../../../src/core/signing/append-dss.ts";
import type { PdfSigner } from "../../../src/core/signing/signing.types.ts";
import { isRef, type PdfDict } from "../../../src/core/verification/pdf/pdf-values.ts";
import type { VerificationReport } from "../../../src/core/verification/verification.types.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import {
  type AttackCase,
  attacksOnSigned,
  shadowAttacks,
  shadowReadyPdf,
} from "../../support/pdf-attacks.ts";
import { copy, PdfEditor } from "../../support/pdf-editor.ts";
import { tempDir } from "../../support/pki/pdf-tools.ts";
import { identityToPkcs12, nssDbWithKey } from "../../support/pki/pkcs12.ts";
import { FIELDS, officeLikePdf, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { startTestTsa, type TestTsa } from "../../support/pki/tsa-server.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

let anchors: Uint8Array[];
let trusted: PdfSigner;
let untrusted: PdfSigner;
let tsa: TestTsa;
const bases: Record<string, Uint8Array> = {};

async function verify(bytes: Uint8Array): Promise<VerificationReport> {
  return verifyPdf(bytes, { trustAnchorsDer: anchors, now: new Date() });
}

async function popplerSigned(
  id: Parameters<typeof identityToPkcs12>[0],
  rootPem: string,
): Promise<Uint8Array> {
  const nss = nssDbWithKey(identityToPkcs12(id, "s3cret"), "s3cret", rootPem);
  const dir = tempDir();
  writeFileSync(join(dir, "in.pdf"), await samplePdf({ pages: 1, objectStreams: false }));
  execFileSync(
    "pdfsig",
    ["-add-signature", "-nssdir", `sql:${nss}`, "-nick", "signer", join(dir, "in.pdf"), join(dir, "out.pdf")],
    { stdio: "pipe" },
  );
  return new Uint8Array(readFileSync(join(dir, "out.pdf")));
}

async function signpdfSigned(): Promise<Uint8Array> {
  const id = await testIdentity("RSA-2048", "rsa");
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(officeLikePdf()),
    reason: "signpdf",
    contactInfo: "x@example.org",
    name: "Cégep",
    location: "Québec",
  });
  const out = await new SignPdf().sign(
    withPlaceholder,
    new P12Signer(identityToPkcs12(id, "pw"), { passphrase: "pw" }),
  );
  return new Uint8Array(out);
}

function modifications(r: VerificationReport, sig = 0) {
  return r.signatures[sig]?.checks.find((c) => c.id === "modifications");
}

describe("the attack corpus: no change after signing that a reader would see passes", {
  timeout: 120_000,
}, () => {
  beforeAll(async () => {
    const pki = await testPki();
    anchors = [pki.root.certificateDer, (await testPki("rsa")).root.certificateDer];
    const id = await testIdentity("RSA-2048");
    const stranger = await testIdentity("ECDSA-P256", "stranger");
    trusted = createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 });
    untrusted = createPdfSigner({ chainDer: stranger.chainDer, privateKeyPkcs8: stranger.privateKeyPkcs8 });
    tsa = await startTestTsa(pki.issuing);
    bases["classic xref"] = await trusted.sign(await samplePdf({ pages: 1, objectStreams: false }), FIELDS);
    bases["xref and object streams"] = await trusted.sign(await samplePdf({ pages: 1 }), FIELDS);
    bases.shadow = await trusted.sign(shadowReadyPdf(), FIELDS);
    // approval signatures (no DocMDP) made by other software
    bases["poppler pdfsig approval signature"] = await popplerSigned(id, pki.root.certificatePem);
    bases["@signpdf approval signature"] = await signpdfSigned();
  });
  afterAll(async () => {
    await tsa.close();
  });

  it("the signed originals are valid (controls)", async () => {
    for (const [name, bytes] of Object.entries(bases)) {
      const r = await verify(bytes);
      expect(r.valid, name).toBe(true);
      expect(modifications(r)?.status, name).toBe("passed");
    }
  });

  it("a DSS and a document timestamp added afterwards keep every signature valid", async () => {
    const pki = await testPki();
    for (const [name, bytes] of Object.entries(bases)) {
      const withDss = await appendDss(bytes, {
        certificates: [pki.issuing.certificateDer, pki.root.certificateDer],
        crls: [Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)],
      });
      const stamped = await appendDocumentTimestamp(withDss, { tsaUrl: tsa.url });
      const r = await verify(stamped);
      expect(
        r.signatures.map((s) => s.kind),
        name,
      ).toEqual(["signature", "document_timestamp"]);
      expect(
        r.signatures.flatMap((s) => s.checks.filter((c) => c.status === "failed").map((c) => c.code)),
        name,
      ).toEqual([]);
      expect(r.valid, name).toBe(true);
      expect(r.signatures[1]?.coversWholeDocument).toBe(true);
      // and a second DSS after the timestamp (the timestamp's own validation data, B-LTA)
      const again = await appendDss(stamped, { certificates: [tsa.certificateDer] });
      const r2 = await verify(again);
      expect(r2.valid, name).toBe(true);
    }
  });

  it("an editor's re-save (objects rewritten unchanged, a new /ModDate) keeps the signature valid", async () => {
    const base = bases["classic xref"] as Uint8Array;
    const ed = await PdfEditor.open(base);
    const page = (await ed.pages())[0];
    if (!page) throw new Error("no page");
    ed.set(page.num, page.dict);
    const info = ed.file.trailer.map.get("Info");
    if (!isRef(info)) throw new Error("no /Info");
    const d = copy((await ed.file.resolveDict(info)) as PdfDict);
    d.map.set("ModDate", {
      kind: "string",
      bytes: Buffer.from("D:20270101000000Z"),
      hex: false,
      start: 0,
      end: 0,
    });
    ed.set(info.num, d);
    const r = await verify(ed.build());
    expect(modifications(r)?.reasons).toBeUndefined();
    expect(r.valid).toBe(true);
    // the same save changing the title is not allowed
    d.map.set("Title", { kind: "string", bytes: Buffer.from("Autre"), hex: false, start: 0, end: 0 });
    ed.set(info.num, d);
    expect((await verify(ed.build())).valid).toBe(false);
  });

  it("a second approval signature by a trusted key keeps the first valid", async () => {
    const r = await verify(await trusted.sign(bases["classic xref"] as Uint8Array, FIELDS));
    expect(r.valid).toBe(true);
    expect(r.signatures.map((s) => modifications(r, r.signatures.indexOf(s))?.status)).toEqual([
      "passed",
      "passed",
    ]);
  });

  it("every attack is rejected: valid false, modifications failed, with its reason in French and English", async () => {
    const corpus: AttackCase[] = [];
    for (const [base, bytes] of Object.entries(bases))
      if (base !== "shadow")
        for (const c of await attacksOnSigned(bytes, { trusted, untrusted }))
          corpus.push({ ...c, name: `${base}: ${c.name}` });
    corpus.push(...(await shadowAttacks(bases.shadow as Uint8Array)));
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const wrong: string[] = [];
    for (const c of corpus) {
      const r = await verify(c.bytes);
      const m = modifications(r);
      const codes = m?.reasons?.map((x) => x.code) ?? [];
      if (process.env.DUMP_ATTACKS)
        console.log(`${c.name} -> ${m?.reasons?.map((x) => x.message.en).join(" | ")}`);
      if (
        r.valid ||
        m?.status !== "failed" ||
        m.code !== "modified_after_signing" ||
        !codes.includes(c.reason)
      )
        wrong.push(
          `${c.name}: valid=${r.valid} modifications=${m?.status} reasons=${codes.join(",")} (expected ${c.reason})`,
        );
      for (const reason of m?.reasons ?? []) {
        expect(reason.message.fr.length).toBeGreaterThan(20);
        expect(reason.message.en.length).toBeGreaterThan(20);
        expect(reason.message.fr).not.toBe(reason.message.en);
      }
    }
    expect(wrong).toEqual([]);
  });
});
