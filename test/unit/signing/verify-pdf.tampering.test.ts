import { beforeAll, describe, expect, it } from "vitest";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { createDevelopmentPki, issueSigningCertificate } from "../../../src/adapters/pki/dev-pki.ts";
import { applyRegistryStatus } from "../../../src/core/verification/apply-registry-status.ts";
import type { VerificationReport } from "../../../src/core/verification/verification.types.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { appendUpdate } from "../../support/pki/pdf-tools.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

let anchors: Uint8Array[];
let signed: Uint8Array;
let text: string;

async function verify(bytes: Uint8Array): Promise<VerificationReport> {
  return verifyPdf(bytes, { trustAnchorsDer: anchors, now: new Date() });
}

function failed(report: VerificationReport, sig = 0): string[] {
  return (report.signatures[sig]?.checks ?? [])
    .filter((c) => c.status === "failed")
    .map((c) => `${c.id}:${c.code}`);
}

function trailerOf(pdf: Uint8Array): { size: number; root: string; info: string } {
  const t = Buffer.from(pdf).toString("latin1");
  const tr = t.slice(t.lastIndexOf("trailer"));
  return {
    size: Number(/\/Size (\d+)/.exec(tr)?.[1]),
    root: /\/Root (\d+ \d+ R)/.exec(tr)?.[1] ?? "",
    info: /\/Info (\d+ \d+ R)/.exec(tr)?.[1] ?? "",
  };
}

describe("tampered and forged files are rejected with the right check", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const pki = await testPki();
    anchors = [pki.root.certificateDer];
    const id = await testIdentity("RSA-2048");
    // a classic-xref input, so hand-written classic updates below are plain PDF
    signed = await createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 }).sign(
      await samplePdf({ pages: 1, objectStreams: false }),
      FIELDS,
    );
    text = Buffer.from(signed).toString("latin1");
  });

  it("the untouched file is valid (control)", async () => {
    const r = await verify(signed);
    expect(r.valid).toBe(true);
    expect(failed(r)).toEqual([]);
  });

  it("a changed byte in a signed range → digest_mismatch", async () => {
    const copy = Uint8Array.from(signed);
    const at = text.indexOf("/Title");
    copy[at + 1] = "U".charCodeAt(0); // /Title → /Uitle
    const r = await verify(copy);
    expect(r.valid).toBe(false);
    expect(failed(r)).toContain("digest:digest_mismatch");
  });

  it("bytes appended after the signature → modified_after_signing", async () => {
    const copy = Buffer.concat([
      Buffer.from(signed),
      Buffer.from("\n% a stray comment is fine, but this is not\n1 2 3\n"),
    ]);
    const r = await verify(copy);
    expect(r.valid).toBe(false);
    expect(r.signatures[0]?.coversWholeDocument).toBe(false);
    expect(failed(r)).toContain("modifications:modified_after_signing");
  });

  it("an incremental update replacing the page content → modified_after_signing", async () => {
    const { size, root, info } = trailerOf(signed);
    const pageMatch = /(\d+) 0 obj\s*<<\s*\/Type \/Page\b([\s\S]*?)endobj/.exec(text);
    const pageNum = Number(pageMatch?.[1]);
    const pageBody = /<<[\s\S]*>>/.exec(pageMatch?.[0] ?? "")?.[0] ?? "";
    const content = "BT /F1 24 Tf 72 400 Td (FORGED GRADE: 100 %) Tj ET";
    const newPage = pageBody.replace(/\/Contents\s+(\d+ 0 R|\[[^\]]*\])/, `/Contents ${size} 0 R`);
    expect(newPage).not.toBe(pageBody);
    const updated = appendUpdate(
      signed,
      { [size]: `<< /Length ${content.length} >>\nstream\n${content}\nendstream`, [pageNum]: newPage },
      `/Size ${size + 1} /Root ${root} /Info ${info}`,
    );
    const r = await verify(updated);
    expect(r.valid).toBe(false);
    expect(failed(r)).toContain("modifications:modified_after_signing");
  });

  it("an incremental update changing only the metadata (/Info) → modified_after_signing", async () => {
    const { size, root, info } = trailerOf(signed);
    const infoNum = Number(info.split(" ")[0]);
    const updated = appendUpdate(
      signed,
      { [infoNum]: "<< /Title (Diplome de doctorat) /Producer (edited) >>" },
      `/Size ${size} /Root ${root} /Info ${info}`,
    );
    const r = await verify(updated);
    expect(r.valid).toBe(false);
    expect(failed(r)).toContain("modifications:modified_after_signing");
  });

  it("an update pointing the trailer at a new /Info → modified_after_signing", async () => {
    const { size, root } = trailerOf(signed);
    const updated = appendUpdate(
      signed,
      { [size]: "<< /Title (Autre) /SceauDocumentId (forged) >>" },
      `/Size ${size + 1} /Root ${root} /Info ${size} 0 R`,
    );
    const r = await verify(updated);
    expect(r.valid).toBe(false);
    expect(failed(r)).toContain("modifications:modified_after_signing");
  });

  it("an update adding only a DSS (validation data) is allowed; the same update also editing the catalog is not", async () => {
    const { size, root, info } = trailerOf(signed);
    const rootNum = Number(root.split(" ")[0]);
    const all = [...text.matchAll(new RegExp(`\\n${rootNum} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`, "g"))];
    const catalog = all[all.length - 1]?.[1] ?? "";
    expect(catalog).toContain("/Perms");
    const withDss = catalog.replace(/>>$/, ` /DSS ${size} 0 R >>`);
    const dss = {
      [size]: `<< /Type /DSS /Certs [${size + 1} 0 R] >>`,
      [size + 1]: "<< /Length 3 >>\nstream\nabc\nendstream",
    };
    const ok = appendUpdate(
      signed,
      { ...dss, [rootNum]: withDss },
      `/Size ${size + 2} /Root ${root} /Info ${info}`,
    );
    const r1 = await verify(ok);
    expect(failed(r1)).toEqual([]);
    expect(r1.valid).toBe(true);
    expect(r1.signatures[0]?.coversWholeDocument).toBe(false);

    const bad = appendUpdate(
      signed,
      {
        ...dss,
        [rootNum]: withDss.replace(/>>$/, " /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
      },
      `/Size ${size + 2} /Root ${root} /Info ${info}`,
    );
    const r2 = await verify(bad);
    expect(r2.valid).toBe(false);
    expect(failed(r2)).toContain("modifications:modified_after_signing");
  });

  it("a second signature by an untrusted signer → its certificate_chain fails, and the first one reports it", async () => {
    const stranger = await testIdentity("ECDSA-P256", "stranger");
    const twice = await createPdfSigner({
      chainDer: stranger.chainDer,
      privateKeyPkcs8: stranger.privateKeyPkcs8,
    }).sign(signed, FIELDS);
    const r = await verify(twice);
    expect(r.valid).toBe(false);
    // P=2 allows signing, but only a signature that verifies: the first one reports the stranger's
    expect(failed(r, 0)).toEqual(["modifications:modified_after_signing"]);
    expect(
      r.signatures[0]?.checks.find((c) => c.id === "modifications")?.reasons?.map((x) => x.code),
    ).toEqual(["signature_not_verifying"]);
    expect(failed(r, 1)).toContain("certificate_chain:untrusted_chain");
  });

  it("a look-alike CA with the same names → certificate_chain fails on the signature check", async () => {
    const fake = await createDevelopmentPki({
      keyAlgorithm: "ECDSA-P256",
      crlUrl: "http://127.0.0.1:9/crl/issuing.crl",
    });
    const real = await testPki();
    expect(fake.issuing.certificatePem).not.toBe(real.issuing.certificatePem);
    const forged = await issueSigningCertificate(fake.issuing, {
      institutionName: "Cégep de Démonstration",
      organization: "Cégep de Démonstration",
      country: "CA",
      crlUrl: "http://127.0.0.1:9/crl/issuing.crl",
      keyAlgorithm: "RSA-2048",
    });
    // the forger even ships the real issuing CA and root next to its own
    const chain = [...forged.chainDer, real.issuing.certificateDer, real.root.certificateDer];
    const out = await createPdfSigner({ chainDer: chain, privateKeyPkcs8: forged.privateKeyPkcs8 }).sign(
      await samplePdf({ pages: 1 }),
      FIELDS,
    );
    const r = await verify(out);
    expect(r.valid).toBe(false);
    expect(r.signatures[0]?.signer.commonName).toBe("Cégep de Démonstration");
    expect(failed(r)).toContain("certificate_chain:bad_certificate_signature");
  });

  it("an emptied /Contents → cms_malformed", async () => {
    const copy = Buffer.from(signed);
    const start = text.indexOf("/Contents <") + "/Contents <".length;
    const end = text.indexOf(">", start);
    copy.fill("0", start, end, "latin1");
    const r = await verify(copy);
    expect(r.valid).toBe(false);
    expect(failed(r)).toContain("cms_signature:cms_malformed");
  });

  it("an altered /ByteRange → byte_range_invalid", async () => {
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(text);
    expect(m).not.toBeNull();
    const [a, b, c] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    for (const forged of [
      `[0 ${a} ${b - 10} ${c + 10}`,
      `[0 ${a + 2} ${b} ${c}`,
      `[0 ${a} ${b} ${c - 5}`,
      `[5 ${a} ${b} ${c}`,
    ]) {
      const copy = Buffer.from(signed);
      const replacement = forged.padEnd((m?.[0].length ?? 0) - 1 - "/ByteRange ".length, " ");
      copy.write(`/ByteRange ${replacement}]`, m?.index ?? 0, "latin1");
      const r = await verify(copy);
      expect(r.valid, forged).toBe(false);
      const f = failed(r);
      expect(
        f.includes("byte_range:byte_range_invalid") ||
          f.includes("digest:digest_mismatch") ||
          f.includes("modifications:modified_after_signing"),
        `${forged}: ${f}`,
      ).toBe(true);
      if (forged.startsWith("[5") || forged.includes(`${a + 2} ${b}`) || forged.includes(`${b - 10}`))
        expect(f).toContain("byte_range:byte_range_invalid");
    }
  });

  it("a revoked document → valid:false with document_status failed", async () => {
    const r = applyRegistryStatus(await verify(signed), {
      status: "revoked",
      revokedAt: "2026-01-01T00:00:00Z",
      reason: "erreur",
    });
    expect(r.valid).toBe(false);
    expect(r.checks.find((c) => c.id === "document_status")).toMatchObject({
      status: "failed",
      code: "document_revoked",
    });
    const ok = applyRegistryStatus(await verify(signed), { status: "active" });
    expect(ok.valid).toBe(true);
  });

  it("every check message exists in French and English", async () => {
    const r = await verify(Buffer.concat([Buffer.from(signed), Buffer.from("junk")]));
    for (const c of [...r.checks, ...(r.signatures[0]?.checks ?? [])]) {
      expect(c.message.fr.length).toBeGreaterThan(10);
      expect(c.message.en.length).toBeGreaterThan(10);
      expect(c.message.fr).not.toBe(c.message.en);
    }
  });
});
