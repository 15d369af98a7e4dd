import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfSigner } from "../../src/adapters/pdf/pdf-signer.ts";
import { attacksOnSigned } from "../support/pdf-attacks.ts";
import { nssDbTrusting, opensslCmsVerify, pdfsig } from "../support/pki/pdf-tools.ts";
import { testIdentity } from "../support/pki/test-pki.ts";
import { samplePdf } from "../support/sample-pdf.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCEAU = join(ROOT, "bin", "sceau");

describe("the sceau command line (embedded database)", () => {
  let dir: string;
  const run = (...args: string[]) => {
    const res = spawnSync(process.execPath, [SCEAU, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: dir, DATA_DIR: join(dir, "data"), LOG_LEVEL: "error" },
      encoding: "utf8",
      timeout: 120_000,
    });
    return { code: res.status, out: res.stdout, err: res.stderr };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sceau-cli-"));
    for (const name of ["a", "b", "c"])
      writeFileSync(join(dir, `${name}.pdf`), await samplePdf({ title: `Document ${name}` }));
    writeFileSync(join(dir, "notes.txt"), "not a pdf");
    const seeded = run("demo", "seed");
    expect(seeded.code, seeded.err).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("signs many files in one process, keeping their names, and verifies them against the portal", () => {
    const signed = run("sign", "a.pdf", "b.pdf", "c.pdf", "--out-dir", "signed");
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out.match(/\/v\/[0-9a-f-]{36}/g)).toHaveLength(3);
    const verified = run("verify", "signed/a.pdf", "signed/b.pdf", "signed/c.pdf", "--json");
    expect(verified.code, verified.err).toBe(0);
    const reports = JSON.parse(verified.out);
    expect(reports.map((r: { file: string; valid: boolean }) => [r.file, r.valid])).toEqual([
      ["signed/a.pdf", true],
      ["signed/b.pdf", true],
      ["signed/c.pdf", true],
    ]);
    expect(reports[0].document.status).toEqual({ status: "active" });
  }, 120_000);

  it("exports roots that poppler (NSS) and OpenSSL accept, and verifies offline with them", () => {
    expect(run("sign", "a.pdf", "-o", "one.pdf").code).toBe(0);
    const exported = run("pki", "export-roots", "-o", "roots.pem");
    expect(exported.code, exported.err).toBe(0);
    const rootsPem = readFileSync(join(dir, "roots.pem"), "utf8");
    const pdf = new Uint8Array(readFileSync(join(dir, "one.pdf")));
    // The certificate names the portal's OCSP responder (AIA) and no server answers here: NSS
    // counts an unreachable responder against the certificate ("Unknown issue"), so only the
    // signature is checked here; test/integration/revocation-services.test.ts shows pdfsig
    // "Certificate is Trusted." with the responder up, and "Revoked" after revocation.
    const poppler = pdfsig(pdf, nssDbTrusting(rootsPem));
    expect(poppler).toContain("Signature is Valid.");
    expect(poppler).toContain("Total document signed");
    expect(poppler).toMatch(/Certificate Validation: (Certificate is Trusted\.|Unknown issue)/);
    // The demo institution signs B-LTA (built-in TSA): the institution's signature comes first.
    expect(opensslCmsVerify(pdf, rootsPem, 0).ok).toBe(true);
    const offline = run("verify", "--trust", "roots.pem", "one.pdf", "--json");
    expect(offline.code, offline.err).toBe(0);
    expect(JSON.parse(offline.out)).toMatchObject({
      file: "one.pdf",
      valid: true,
      document: { id: expect.any(String) },
    });
  }, 120_000);

  it("signs at the level asked (--level), B-LTA by default on the demo seed with its built-in TSA, and refreshes archive timestamps", () => {
    expect(run("sign", "a.pdf", "-o", "bb.pdf", "--level", "b-b").code).toBe(0);
    expect(run("sign", "a.pdf", "-o", "lta.pdf").code).toBe(0);
    const bb = readFileSync(join(dir, "bb.pdf"), "latin1");
    const lta = readFileSync(join(dir, "lta.pdf"), "latin1");
    expect(bb).not.toContain("/DSS");
    expect(bb).not.toContain("/ETSI.RFC3161");
    expect(lta).toContain("/Type /DSS");
    expect(lta.lastIndexOf("/SubFilter /ETSI.RFC3161")).toBeGreaterThan(
      lta.lastIndexOf("/ETSI.CAdES.detached"),
    );
    const bad = run("sign", "a.pdf", "-o", "x.pdf", "--level", "b-z");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown level: b-z");
    // Nothing stored by the portal is due: the run reports it and exits 0.
    const refresh = run("ltv", "refresh", "--json");
    expect(refresh.code, refresh.err).toBe(0);
    expect(JSON.parse(refresh.out)).toEqual({ due: 0, renewed: [], failed: [] });
    expect(run("ltv", "refresh", "--margin-days", "0").code).toBe(2);
  }, 120_000);

  it("exits 1 when a file is not valid, and says why", () => {
    const pdf = readFileSync(join(dir, "signed", "a.pdf"));
    const copy = Buffer.from(pdf);
    copy[300] = (copy[300] ?? 0) ^ 0x01; // one bit inside the first signed range
    writeFileSync(join(dir, "tampered.pdf"), copy);
    const res = run("verify", "signed/b.pdf", "tampered.pdf");
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/✓ signed\/b\.pdf: valid/);
    expect(res.out).toMatch(/✗ tampered\.pdf: not valid/);
    const unsigned = run("verify", "a.pdf", "notes.txt", "--json");
    expect(unsigned.code).toBe(1);
    expect(JSON.parse(unsigned.out).map((r: { valid: boolean }) => r.valid)).toEqual([false, false]);
  }, 120_000);

  it("names what an update made after signing changed (an overlay annotation)", async () => {
    const signed = new Uint8Array(readFileSync(join(dir, "signed", "c.pdf")));
    const id = await testIdentity("RSA-2048");
    const signer = createPdfSigner({ chainDer: id.chainDer, privateKeyPkcs8: id.privateKeyPkcs8 });
    const forged = (await attacksOnSigned(signed, { trusted: signer, untrusted: signer })).find((c) =>
      c.name.startsWith("FreeText"),
    );
    writeFileSync(join(dir, "forged.pdf"), forged?.bytes ?? new Uint8Array());
    const res = run("verify", "forged.pdf");
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/✗ modifications \(modified_after_signing\)/);
    expect(res.out).toMatch(/– An annotation \(free text\) was added to page 1 after signing/);
    const json = JSON.parse(run("verify", "forged.pdf", "--json").out);
    const check = json.signatures[0].checks.find((c: { id: string }) => c.id === "modifications");
    expect(check.reasons.map((r: { code: string }) => r.code)).toEqual(["annotation_added"]);
  }, 120_000);

  it("exits 2 on usage errors and unreadable paths, before doing anything", () => {
    expect(run("verify", "missing.pdf").code).toBe(2);
    expect(run("verify", "--trust", "missing.pem", "a.pdf").code).toBe(2);
    expect(run("sign", "a.pdf", "b.pdf", "-o", "x.pdf").code).toBe(2);
    expect(run("sign", "a.pdf").code).toBe(2);
    expect(run("sign", "missing.pdf", "--out-dir", "o").code).toBe(2);
    expect(run("verify").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
  }, 120_000);

  it("refuses to sign a file that is not a PDF, signs the others, and exits 1", () => {
    const res = run("sign", "notes.txt", "c.pdf", "--out-dir", "mixed");
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/notes\.txt: This file is not a PDF/);
    expect(res.out).toMatch(/c\.pdf → mixed\/c\.pdf/);
  }, 120_000);

  it("records every signature and certificate in an intact audit trail", () => {
    const res = run("audit", "verify");
    expect(res.code, res.err).toBe(0);
    const count = Number(res.out.match(/intact: (\d+) event/)?.[1]);
    // demo seed issued one certificate; the tests above signed at least 5 documents.
    expect(count).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it("rotates an institution's certificate; documents signed before still verify", () => {
    const rotated = run("pki", "rotate", "--institution", "demo", "--algorithm", "ECDSA-P256");
    expect(rotated.code, rotated.err).toBe(0);
    expect(run("sign", "b.pdf", "-o", "after.pdf").code).toBe(0);
    const res = run("verify", "signed/a.pdf", "after.pdf");
    expect(res.code, res.out).toBe(0);
  }, 120_000);
});
