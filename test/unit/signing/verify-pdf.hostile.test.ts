import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { VerificationReport } from "../../../src/core/verification/verification.types.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { testPki } from "../../support/pki/test-pki.ts";

/** A minimal classic PDF around the given catalog body and extra objects. */
function pdfWith(catalog: string, extra: string[] = [], trailerExtra = ""): Uint8Array {
  let out = "%PDF-1.7\n";
  const bodies = [
    catalog,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
    ...extra,
  ];
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${b}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

async function verify(
  bytes: Uint8Array,
  extra: Partial<Parameters<typeof verifyPdf>[1]> = {},
): Promise<VerificationReport> {
  const pki = await testPki();
  return verifyPdf(bytes, { trustAnchorsDer: [pki.root.certificateDer], now: new Date(), ...extra });
}

function failedCodes(r: VerificationReport): (string | undefined)[] {
  return r.checks.filter((c) => c.status === "failed").map((c) => c.code);
}

describe("hostile files give a report, never a crash or a hang", { timeout: 30_000 }, () => {
  it("not a PDF, empty, too large", async () => {
    expect(failedCodes(await verify(new Uint8Array()))).toEqual(["empty_file"]);
    expect(failedCodes(await verify(Buffer.from("hello world")))).toEqual(["empty_file"]);
    expect(
      failedCodes(await verify(pdfWith("<< /Type /Catalog /Pages 2 0 R >>"), { maxBytes: 100 })),
    ).toEqual(["too_large"]);
  });

  it("an unsigned PDF is not valid", async () => {
    const r = await verify(pdfWith("<< /Type /Catalog /Pages 2 0 R >>"));
    expect(r.valid).toBe(false);
    expect(failedCodes(r)).toEqual(["no_signature"]);
  });

  it("100 000 nested arrays", async () => {
    const r = await verify(
      pdfWith(`<< /Type /Catalog /Pages 2 0 R /X ${"[".repeat(100_000)}${"]".repeat(100_000)} >>`),
    );
    expect(r.valid).toBe(false);
    expect(failedCodes(r)).toEqual(["unreadable_pdf"]);
  });

  it("broken, looping and absurd cross-reference data", async () => {
    const good = Buffer.from(pdfWith("<< /Type /Catalog /Pages 2 0 R >>")).toString("latin1");
    const cases = [
      good.replace(/startxref\n\d+/, "startxref\n3"),
      good.replace(/startxref\n\d+/, "startxref\n999999999"),
      good.replace(/trailer\n<</, "trailer\n<< /Prev 9 /XRefStm 9"),
      good.replace(/xref\n0 \d+/, "xref\n0 999999999"),
      good.replace("/Size", `/Prev ${good.indexOf("xref\n")} /Size`),
      good.replace(/%%EOF\n$/, ""),
      good.slice(0, good.length / 2),
    ];
    for (const c of cases) {
      const r = await verify(Buffer.from(c, "latin1"));
      expect(r.valid).toBe(false);
    }
  });

  it("an encrypted file → encrypted_unsupported", async () => {
    const r = await verify(
      pdfWith(
        "<< /Type /Catalog /Pages 2 0 R >>",
        ["<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>"],
        "/Encrypt 4 0 R /ID [<00> <00>]",
      ),
    );
    expect(r.valid).toBe(false);
    expect(failedCodes(r)).toEqual(["encrypted_unsupported"]);
  });

  it("an xref stream that inflates to 200 MB is cut short", async () => {
    const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024));
    let out = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    const at = out.length;
    out += `2 0 obj\n<< /Type /XRef /Size 3 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`;
    const bytes = Buffer.concat([
      Buffer.from(out, "latin1"),
      bomb,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`, "latin1"),
    ]);
    const started = performance.now();
    const r = await verify(bytes);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.valid).toBe(false);
  });

  it("signature fields that reference themselves and deep /Kids chains", async () => {
    const r = await verify(
      pdfWith("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>", [
        "<< /FT /Sig /Kids [4 0 R 5 0 R] /T (a) >>",
        "<< /Kids [4 0 R 5 0 R] /V 5 0 R /FT /Sig /ByteRange [0 1 2 3] /Contents <00> >>",
      ]),
    );
    expect(r.valid).toBe(false);
  });

  it("the time budget stops the work", async () => {
    let t = 0;
    const r = await verify(pdfWith("<< /Type /Catalog /Pages 2 0 R >>"), {
      deadlineMs: 5,
      monotonicMs: () => (t += 10),
    });
    expect(r.valid).toBe(false);
    expect(failedCodes(r)).toContain("deadline_exceeded");
  });
});
