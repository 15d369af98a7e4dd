/**
 * PAdES signing through a PKCS#11 token (SoftHSM2) against keys held in the process (sealed keys,
 * opened once). Prints one JSON object. Run: `npx tsx bench/hsm-bench.ts` (`npm run bench:hsm`);
 * needs the Debian package softhsm2. "serial": one document after the other; "parallel": 8 at once
 * (the token signs on libuv's threads, through a pool of 4 sessions).
 */
import { X509Certificate } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createPdfSigner } from "../src/adapters/pdf/pdf-signer.ts";
import { generateKeyPair } from "../src/adapters/pkcs11/pkcs11-key-pairs.ts";
import { pkcs11SignatureKey } from "../src/adapters/pkcs11/pkcs11-signature-key.ts";
import { openPkcs11Token } from "../src/adapters/pkcs11/pkcs11-token.ts";
import {
  certifySigningKey,
  createDevelopmentPki,
  issueSigningCertificate,
} from "../src/adapters/pki/dev-pki.ts";
import type { KeyAlgorithm, PdfSigner } from "../src/core/signing/signing.types.ts";
import { SOFTHSM_MODULE, softHsmToken } from "../test/support/pki/softhsm-token.ts";

const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
doc.addPage([612, 792]).drawText("Relevé de notes", { x: 72, y: 720, size: 18, font });
const pdf = await doc.save();
const fields = {
  name: "Cégep de Démonstration",
  reason: "Relevé officiel",
  location: "Québec",
  signingTime: new Date(),
};

async function rate(signer: PdfSigner, seconds: number, parallel: number): Promise<number> {
  for (let i = 0; i < 20; i++) await signer.sign(pdf, fields);
  let done = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        await signer.sign(pdf, fields);
        done++;
      }
    }),
  );
  return Math.round(done / ((performance.now() - start) / 1000));
}

const hsm = softHsmToken("Sceau bench");
const token = openPkcs11Token({
  module: SOFTHSM_MODULE,
  token: { label: hsm.label },
  pin: { file: hsm.pinFile },
});
const pki = await createDevelopmentPki({ keyAlgorithm: "ECDSA-P256" });
const subject = {
  institutionName: "Bench",
  organization: "Bench",
  country: "CA",
  crlUrl: "http://127.0.0.1:9/crl",
};
const results: Record<string, Record<string, number>> = {};
for (const algorithm of ["RSA-2048", "ECDSA-P256"] as KeyAlgorithm[]) {
  const sealed = await issueSigningCertificate(pki.issuing, { ...subject, keyAlgorithm: algorithm });
  const key = await generateKeyPair(token, algorithm, `bench ${algorithm}`);
  const cert = await certifySigningKey(pki.issuing, key.publicKeySpki, subject);
  const bits = new X509Certificate(cert.certificateDer).publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  const onToken = createPdfSigner({
    chainDer: cert.chainDer,
    key: pkcs11SignatureKey(() => token, {
      id: key.id,
      type: algorithm === "ECDSA-P256" ? "ec" : "rsa",
      modulusBytes: bits / 8,
    }),
  });
  const inProcess = createPdfSigner({ chainDer: sealed.chainDer, privateKeyPkcs8: sealed.privateKeyPkcs8 });
  // Each figure is the best of three 2-second runs, interleaved (the machine is shared).
  const best: Record<string, number> = {};
  for (let round = 0; round < 3; round++)
    for (const [name, signer, parallel] of [
      ["sealedSerial", inProcess, 1],
      ["pkcs11Serial", onToken, 1],
      ["sealedParallel8", inProcess, 8],
      ["pkcs11Parallel8", onToken, 8],
    ] as const)
      best[name] = Math.max(best[name] ?? 0, await rate(signer, 2, parallel));
  results[algorithm] = best;
  process.stderr.write(`${algorithm}: ${JSON.stringify(results[algorithm])}\n`);
}
token.close();
process.stdout.write(`${JSON.stringify({ documentsPerSecond: results, pdfBytes: pdf.length })}\n`);
