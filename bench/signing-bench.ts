/**
 * Signing and verification throughput, with @signpdf's P12Signer as a baseline measured in the
 * same run. Prints one JSON object. Run: `npx tsx bench/signing-bench.ts` (`npm run bench`).
 * Single process, one core: every operation is awaited one after the other.
 */
import { execFileSync } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { appendDocumentTimestamp } from "../src/adapters/pdf/document-timestamp.ts";
import { nodeInflate } from "../src/adapters/pdf/node-inflate.ts";
import { nodePdfTools } from "../src/adapters/pdf/node-pdf-tools.ts";
import { nodeVerifierCrypto } from "../src/adapters/pdf/node-verifier-crypto.ts";
import { createPdfSigner } from "../src/adapters/pdf/pdf-signer.ts";
import {
  certificatesToPem,
  createDevelopmentPki,
  issueSigningCertificate,
} from "../src/adapters/pki/dev-pki.ts";
import { appendDss } from "../src/core/signing/append-dss.ts";
import { TSA_PATH } from "../src/core/signing/pki-paths.ts";
import { signDocument } from "../src/core/signing/sign-document.ts";
import { SIGNATURE_LEVELS } from "../src/core/signing/signing.types.ts";
import { createVerificationCache } from "../src/core/verification/signature-algorithms.ts";
import { verifyPdf } from "../src/core/verification/verify-pdf.ts";
import { makeInstitution } from "../test/support/factories.ts";
import { startTestTsa } from "../test/support/pki/tsa-server.ts";
import { startTestApp } from "../test/support/test-app.ts";

async function makePdf(pages: number, objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Relevé de notes — page ${p + 1}`, { x: 72, y: 720, size: 18, font });
    for (let l = 0; l < 30; l++)
      page.drawText(`Cours ${l + 1} : ${60 + ((l * 7) % 40)} %`, { x: 72, y: 690 - l * 20, size: 11, font });
  }
  return doc.save({ useObjectStreams: objectStreams });
}

async function rate(label: string, iterations: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(50, iterations); i++) await fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const perSecond = iterations / ((performance.now() - start) / 1000);
  process.stderr.write(`${label}: ${perSecond.toFixed(0)}/s\n`);
  return Math.round(perSecond);
}

const fields = {
  name: "Cégep de Démonstration",
  reason: "Relevé officiel",
  location: "Québec",
  signingTime: new Date(),
};
const pki = await createDevelopmentPki({ keyAlgorithm: "RSA-2048" }); // RSA CAs: node-forge (P12Signer) reads only RSA
const id = await issueSigningCertificate(pki.issuing, {
  institutionName: "Cégep de Démonstration",
  organization: "Cégep de Démonstration",
  country: "CA",
  crlUrl: "http://127.0.0.1/crl",
  keyAlgorithm: "RSA-2048",
});
const signer = createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 });
const tsaPki = await createDevelopmentPki({ keyAlgorithm: "ECDSA-P256" }); // the loopback TSA signs with P-256
const onePage = await makePdf(1, true);
const tenPages = await makePdf(10, true);
const onePageClassic = await makePdf(1, false);
const tenPagesClassic = await makePdf(10, false);

// P12 for the baseline, made with the openssl command
const dir = mkdtempSync(join(tmpdir(), "sceau-bench-"));
writeFileSync(
  join(dir, "key.pem"),
  createPrivateKey({ key: id.privateKeyPkcs8, format: "der", type: "pkcs8" }).export({
    format: "pem",
    type: "pkcs8",
  }),
);
writeFileSync(join(dir, "leaf.pem"), id.certificatePem);
writeFileSync(join(dir, "chain.pem"), certificatesToPem(id.chainDer.slice(1)));
/** The bench identity as PKCS#12 (OpenSSL defaults, or with extra options such as a single KDF iteration). */
const exportP12 = (name: string, extra: string[] = []) => {
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    ...extra,
    "-in",
    join(dir, "leaf.pem"),
    "-inkey",
    join(dir, "key.pem"),
    "-certfile",
    join(dir, "chain.pem"),
    "-passout",
    "pass:bench",
    "-out",
    join(dir, name),
  ]);
  return readFileSync(join(dir, name));
};
const p12 = exportP12("id.p12");
// the same identity with a single KDF iteration: P12Signer's best case (it decrypts the PKCS#12 on every call)
const p12Fast = exportP12("fast.p12", ["-iter", "1", "-maciter"]);
rmSync(dir, { recursive: true, force: true });
const signPdf = new SignPdf();
const baseline = async (pdf: Uint8Array, p12File = p12) =>
  signPdf.sign(
    plainAddPlaceholder({
      pdfBuffer: Buffer.from(pdf),
      reason: fields.reason,
      contactInfo: "",
      name: fields.name,
      location: fields.location,
    }),
    new P12Signer(p12File, { passphrase: "bench" }), // a P12Signer signs once: it consumes its buffer
  );

const signedOne = await signer.sign(onePage, fields);
const ctx = {
  trustAnchorsDer: [pki.root.certificateDer, tsaPki.root.certificateDer],
  now: new Date(),
  inflate: nodeInflate,
  crypto: nodeVerifierCrypto(),
  cache: createVerificationCache(),
};
if (!(await verifyPdf(signedOne, ctx)).valid) throw new Error("bench: the signed document does not verify");
// PAdES B-LTA shape: the signed document, then a DSS, then a document timestamp (a loopback TSA)
const tsa = await startTestTsa(tsaPki.issuing);
const ltaOne = await appendDocumentTimestamp(
  await appendDss(signedOne, { certificates: [pki.issuing.certificateDer, pki.root.certificateDer] }),
  { tsaUrl: tsa.url },
);
await tsa.close();
const dssTen = await appendDss(await signer.sign(tenPages, fields), {
  certificates: [pki.root.certificateDer],
});
for (const f of [ltaOne, dssTen])
  if (!(await verifyPdf(f, ctx)).valid)
    throw new Error("bench: the document with validation data does not verify");
const baselineSigned = await baseline(onePageClassic);
if (!(await verifyPdf(new Uint8Array(baselineSigned), ctx)).valid)
  throw new Error("bench: the baseline output does not verify");

const noticeId = "0190f7f2-9a1b-7c3d-8e4f-123456789abc";
const notice = { url: `https://sceau.example.org/v/${noticeId}`, documentId: noticeId };
const sceau = {
  sign1PagePerSec: await rate("sceau sign 1 page (xref stream input)", 3000, () =>
    signer.sign(onePage, fields),
  ),
  sign10PagesPerSec: await rate("sceau sign 10 pages (xref stream input)", 1500, () =>
    signer.sign(tenPages, fields),
  ),
  sign1PageClassicPerSec: await rate("sceau sign 1 page (classic xref input)", 3000, () =>
    signer.sign(onePageClassic, fields),
  ),
  sign10PagesClassicPerSec: await rate("sceau sign 10 pages (classic xref input)", 1500, () =>
    signer.sign(tenPagesClassic, fields),
  ),
  notice1PagePerSec: await rate("sceau verification notice 1 page (xref stream input)", 3000, () =>
    nodePdfTools.stamp(onePage, notice),
  ),
  signWithNotice1PagePerSec: await rate("sceau sign with notice 1 page (xref stream input)", 3000, async () =>
    signer.sign(await nodePdfTools.stamp(onePage, notice), fields),
  ),
  verify1PagePerSec: await rate("sceau verify 1 page", 2000, () => verifyPdf(signedOne, ctx)),
  verify1PageWebCryptoPerSec: await rate("sceau verify 1 page, default WebCrypto, no cache", 500, () =>
    verifyPdf(signedOne, { trustAnchorsDer: ctx.trustAnchorsDer, now: ctx.now }),
  ),
  // the difference analysis runs only when something follows the signature: a DSS and a document timestamp
  verify1PageWithDssAndTimestampPerSec: await rate(
    "sceau verify 1 page + DSS + document timestamp",
    1000,
    () => verifyPdf(ltaOne, ctx),
  ),
  verify10PagesWithDssPerSec: await rate("sceau verify 10 pages + DSS", 1000, () => verifyPdf(dssTen, ctx)),
};
const baselineRates = {
  sign1PagePerSec: await rate("P12Signer sign 1 page (classic xref input)", 200, () =>
    baseline(onePageClassic),
  ),
  sign10PagesPerSec: await rate("P12Signer sign 10 pages (classic xref input)", 100, () =>
    baseline(tenPagesClassic),
  ),
  sign1PageOneKdfIterationPerSec: await rate("P12Signer sign 1 page, PKCS#12 with 1 KDF iteration", 200, () =>
    baseline(onePageClassic, p12Fast),
  ),
  verify1PagePerSec: await rate("sceau verify of a P12Signer output", 1000, () =>
    verifyPdf(new Uint8Array(baselineSigned), ctx),
  ),
};
// The whole use case as `sceau sign` runs it: verification notice, signature, registry row and audit event (PGlite in memory).
const portal = await startTestApp("pglite");
const institution = await makeInstitution(portal.core);
const withoutNotice = { ...institution, stampEnabled: false };
const useCase = {
  signDocument1PageWithNoticePerSec: await rate("signDocument 1 page, notice + registry (PGlite)", 300, () =>
    signDocument(portal.core, { institution, pdf: onePage, title: "bench" }),
  ),
  signDocument1PageNoNoticePerSec: await rate("signDocument 1 page, registry only (PGlite)", 600, () =>
    signDocument(portal.core, { institution: withoutNotice, pdf: onePage, title: "bench" }),
  ),
};
// Each PAdES level through the whole use case, with the portal's built-in TSA and OCSP responder
// answered in process (as `sceau sign --level` does); the bytes each level adds to a 1-page file.
const withTsa = await portal.core.stores.institutions.update(institution.id, {
  stampEnabled: false,
  tsaUrl: `${portal.core.settings.publicUrl}${TSA_PATH}`,
});
if (!withTsa) throw new Error("institution vanished");
const levels: Record<string, { perSec: number; bytes: number }> = {};
for (const level of SIGNATURE_LEVELS) {
  const sign = () => signDocument(portal.core, { institution: withTsa, pdf: onePage, title: "bench", level });
  const perSec = await rate(
    `signDocument 1 page at ${level} (PGlite, built-in TSA)`,
    level === "B-B" ? 600 : 150,
    sign,
  );
  levels[level] = { perSec, bytes: (await sign()).bytes.byteLength };
}
await portal.close();
const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
console.log(
  JSON.stringify(
    {
      node: process.version,
      key: "RSA-2048",
      sceau,
      useCase,
      levels: {
        ...levels,
        inputBytes: onePage.byteLength,
        bytesAddedByLtaOverBT: (levels["B-LTA"]?.bytes ?? 0) - (levels["B-T"]?.bytes ?? 0),
        ltaVsBB: ratio(levels["B-LTA"]?.perSec ?? 0, levels["B-B"]?.perSec ?? 1),
      },
      p12SignerBaseline: baselineRates,
      ratios: {
        sign1Page: ratio(sceau.sign1PageClassicPerSec, baselineRates.sign1PagePerSec),
        sign10Pages: ratio(sceau.sign10PagesClassicPerSec, baselineRates.sign10PagesPerSec),
        verifyWithDssAndTimestampVsPlain: ratio(
          sceau.verify1PageWithDssAndTimestampPerSec,
          sceau.verify1PagePerSec,
        ),
        sign1PageVsOneKdfIteration: ratio(
          sceau.sign1PageClassicPerSec,
          baselineRates.sign1PageOneKdfIterationPerSec,
        ),
      },
      targets: { sign1PagePerSec: 1000, verifyPerSec: 500 },
    },
    null,
    2,
  ),
);
