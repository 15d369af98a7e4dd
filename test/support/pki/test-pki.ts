import {
  createDevelopmentPki,
  type DevelopmentPki,
  issueSigningCertificate,
  type SigningIdentityMaterial,
} from "../../../src/adapters/pki/dev-pki.ts";
import type { KeyAlgorithm, SignatureFields } from "../../../src/core/signing/signing.types.ts";

/** Signature dictionary fields used across the signing tests. */
export const FIELDS: SignatureFields = {
  name: "Cégep de Démonstration",
  reason: "Relevé de notes officiel / Official transcript",
  location: "Québec, Canada",
  signingTime: new Date(),
};

const pkis = new Map<string, Promise<DevelopmentPki>>();
const identities = new Map<string, Promise<SigningIdentityMaterial>>();

/** A development PKI, created once per test process and label ("main" is the trusted one). */
export function testPki(label = "main"): Promise<DevelopmentPki> {
  let p = pkis.get(label);
  if (!p) {
    p = createDevelopmentPki({
      // "rsa": an all-RSA PKI for tools that only know RSA (node-forge in @signpdf)
      keyAlgorithm: label === "rsa" ? "RSA-2048" : "ECDSA-P256",
      crlUrl: "http://127.0.0.1:9/crl/issuing.crl",
      portalName: label === "main" ? "Sceau" : `Other PKI ${label}`,
    });
    pkis.set(label, p);
  }
  return p;
}

/** A signing identity of the institution under the `label` PKI. */
export function testIdentity(
  alg: KeyAlgorithm = "RSA-2048",
  label = "main",
): Promise<SigningIdentityMaterial> {
  const key = `${label}:${alg}`;
  let p = identities.get(key);
  if (!p) {
    p = testPki(label).then((pki) =>
      issueSigningCertificate(pki.issuing, {
        institutionName: "Cégep de Démonstration",
        organization: "Cégep de Démonstration",
        country: "CA",
        crlUrl: "http://127.0.0.1:9/crl/issuing.crl",
        keyAlgorithm: alg,
      }),
    );
    identities.set(key, p);
  }
  return p;
}

/**
 * A classic PDF written by hand the way office suites (LibreOffice-like producers) write them:
 * CRLF line ends, binary comment, uncompressed content, /Info with producer, no final EOL.
 */
export function officeLikePdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R /Lang (fr-CA) >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.304 841.89] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Creator (Writer) /Producer (LibreOffice 7.4) /CreationDate (D:20240601120000-04'00') >>",
  ];
  const content = "BT /F1 14 Tf 72 760 Td (Attestation d'inscription) Tj ET\r\n";
  let out = "%PDF-1.6\r\n%\xe2\xe3\xcf\xd3\r\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    const body = o ?? `<< /Length ${content.length} >>\r\nstream\r\n${content}endstream`;
    out += `${i + 1} 0 obj\r\n${body}\r\nendobj\r\n`;
  });
  const xref = out.length;
  out += `xref\r\n0 ${objects.length + 1}\r\n0000000000 65535 f\r\n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n\r\n`;
  out += `trailer\r\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\r\nstartxref\r\n${xref}\r\n%%EOF`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** DER bytes of the PEM blocks in a string. */
export function pemToDer(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/g)].map((m) =>
    Uint8Array.from(Buffer.from((m[1] ?? "").replace(/\s/g, ""), "base64")),
  );
}
