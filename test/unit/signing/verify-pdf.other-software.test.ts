import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { describe, expect, it } from "vitest";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { tempDir } from "../../support/pki/pdf-tools.ts";
import { identityToPkcs12, nssDbWithKey } from "../../support/pki/pkcs12.ts";
import { officeLikePdf, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

describe("files signed by other software verify when their root is trusted", { timeout: 60_000 }, () => {
  // poppler 22.12 answers "-etsi is not supported yet with -add-signature": adbe.pkcs7.detached only.
  for (const etsi of [false]) {
    it(`poppler pdfsig -add-signature${etsi ? " -etsi" : ""}`, async () => {
      const pki = await testPki();
      const id = await testIdentity("RSA-2048");
      const nss = nssDbWithKey(identityToPkcs12(id, "s3cret"), "s3cret", pki.root.certificatePem);
      const dir = tempDir();
      writeFileSync(join(dir, "in.pdf"), await samplePdf({ pages: 2, objectStreams: false }));
      const args = ["-add-signature", "-nssdir", `sql:${nss}`, "-nick", "signer", "-reason", "Poppler test"];
      execFileSync(
        "pdfsig",
        [...args, ...(etsi ? ["-etsi"] : []), join(dir, "in.pdf"), join(dir, "out.pdf")],
        { stdio: "pipe" },
      );
      const out = new Uint8Array(readFileSync(join(dir, "out.pdf")));

      const trusted = await verifyPdf(out, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
      expect(trusted.signatures[0]?.subFilter).toBe(etsi ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached");
      expect(trusted.signatures[0]?.checks.filter((c) => c.status === "failed")).toEqual([]);
      expect(trusted.valid).toBe(true);

      const other = await testPki("stranger");
      const untrusted = await verifyPdf(out, {
        trustAnchorsDer: [other.root.certificateDer],
        now: new Date(),
      });
      expect(untrusted.valid).toBe(false);
    });
  }

  it("@signpdf (P12Signer + placeholder-plain) on an office-like file", async () => {
    const pki = await testPki("rsa");
    const id = await testIdentity("RSA-2048", "rsa");
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: Buffer.from(officeLikePdf()),
      reason: "signpdf test",
      contactInfo: "test@example.org",
      name: "Cégep",
      location: "Québec",
    });
    const out = await new SignPdf().sign(
      withPlaceholder,
      new P12Signer(identityToPkcs12(id, "pw"), { passphrase: "pw" }),
    );
    const r = await verifyPdf(new Uint8Array(out), {
      trustAnchorsDer: [pki.root.certificateDer],
      now: new Date(),
    });
    expect(r.signatures[0]?.checks.filter((c) => c.status === "failed")).toEqual([]);
    expect(r.valid).toBe(true);
  });
});
