import { describe, expect, it } from "vitest";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import type { KeyAlgorithm } from "../../../src/core/signing/signing.types.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { nssDbTrusting, opensslCmsVerify, pdfsig } from "../../support/pki/pdf-tools.ts";
import { FIELDS, officeLikePdf, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

const ALGORITHMS: KeyAlgorithm[] = ["RSA-2048", "RSA-3072", "ECDSA-P256"];

async function signWith(alg: KeyAlgorithm, pdf: Uint8Array): Promise<Uint8Array> {
  const id = await testIdentity(alg);
  return createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 }).sign(pdf, FIELDS);
}

describe("PAdES signer accepted by independent validators", { timeout: 60_000 }, () => {
  const inputs: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ["pdf-lib, xref and object streams", () => samplePdf({ pages: 1 })],
    ["pdf-lib, classic xref table", () => samplePdf({ pages: 3, objectStreams: false })],
    ["office-like classic file without final EOL", () => officeLikePdf()],
  ];

  for (const alg of ALGORITHMS) {
    for (const [label, make] of inputs) {
      it(`${alg}: ${label} → pdfsig, openssl cms and our verifier accept it`, async () => {
        const pki = await testPki();
        const signed = await signWith(alg, await make());

        const nss = nssDbTrusting(pki.root.certificatePem);
        const out = pdfsig(signed, nss);
        expect(out).toContain("Signature is Valid.");
        expect(out).toContain("Total document signed");
        expect(out).toContain("Certificate is Trusted.");
        expect(out).toContain("ETSI.CAdES.detached");
        expect(out).toContain("Cégep de Démonstration");

        const cms = opensslCmsVerify(signed, pki.root.certificatePem);
        expect(cms.output).toContain("Verification successful");
        expect(cms.ok).toBe(true);

        const report = await verifyPdf(signed, {
          trustAnchorsDer: [pki.root.certificateDer],
          now: new Date(),
        });
        expect(report.valid).toBe(true);
        const sig = report.signatures[0];
        expect(sig?.coversWholeDocument).toBe(true);
        expect(sig?.docMdpLevel).toBe(2);
        expect(sig?.signer.commonName).toBe("Cégep de Démonstration");
        expect(sig?.signer.country).toBe("CA");
        expect(sig?.claimed.location).toBe("Québec, Canada");
      });
    }
  }

  it("without the root in the NSS database, pdfsig does not trust the certificate (the check can fail)", async () => {
    const other = await testPki("unrelated");
    const signed = await signWith("RSA-2048", await samplePdf({ pages: 1 }));
    const out = pdfsig(signed, nssDbTrusting(other.root.certificatePem));
    expect(out).toContain("Signature is Valid.");
    expect(out).not.toContain("Certificate is Trusted.");
    expect(opensslCmsVerify(signed, other.root.certificatePem).ok).toBe(false);
  });

  it("writes no signing-time attribute, and the signing-certificate-v2 attribute", async () => {
    const { extractLastSignature } = await import("../../support/pki/pdf-tools.ts");
    const signed = await signWith("ECDSA-P256", await samplePdf({ pages: 1 }));
    const hex = extractLastSignature(signed).cms.toString("hex");
    expect(hex).not.toContain("06092a864886f70d010905"); // id-signingTime
    expect(hex).toContain("060b2a864886f70d010910022f"); // id-aa-signingCertificateV2
  });

  it("a second signature is an approval signature that keeps the certification valid (DocMDP P=2)", async () => {
    const pki = await testPki();
    const once = await signWith("RSA-2048", await samplePdf({ pages: 1 }));
    const twice = await signWith("ECDSA-P256", once);
    const out = pdfsig(twice, nssDbTrusting(pki.root.certificatePem));
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    const report = await verifyPdf(twice, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.docMdpLevel)).toEqual([2, null]);
    expect(report.signatures.map((s) => s.coversWholeDocument)).toEqual([false, true]);
  });
});
