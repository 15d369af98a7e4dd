import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCrl } from "../../../src/adapters/pki/dev-pki.ts";
import { tempDir } from "../../support/pki/pdf-tools.ts";
import { testIdentity, testPki } from "../../support/pki/test-pki.ts";

describe("development PKI", { timeout: 60_000 }, () => {
  it("issues a signing certificate naming the institution, with the right key usage and CRL distribution point", async () => {
    const pki = await testPki();
    const id = await testIdentity("ECDSA-P256");
    const cert = new X509Certificate(id.certificateDer);
    expect(cert.subject).toContain("CN=Cégep de Démonstration");
    expect(cert.subject).toContain("C=CA");
    expect(cert.verify(new X509Certificate(pki.issuing.certificateDer).publicKey)).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, "c.der"), id.certificateDer);
    const text = spawnSync(
      "openssl",
      ["x509", "-inform", "DER", "-in", join(dir, "c.der"), "-noout", "-text"],
      { encoding: "utf8" },
    ).stdout;
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toContain("URI:http://127.0.0.1:9/crl/issuing.crl");
    expect(text).toMatch(/CA:FALSE/);
  });

  it("creates a CRL listing the revoked serial, signed by the issuing CA", async () => {
    const pki = await testPki();
    const id = await testIdentity("ECDSA-P256");
    const crl = await createCrl(pki.issuing, [id.serialNumber], new Date());
    const dir = tempDir();
    writeFileSync(join(dir, "crl.der"), crl);
    writeFileSync(join(dir, "ca.pem"), pki.issuing.certificatePem);
    const r = spawnSync(
      "openssl",
      [
        "crl",
        "-inform",
        "DER",
        "-in",
        join(dir, "crl.der"),
        "-CAfile",
        join(dir, "ca.pem"),
        "-noout",
        "-text",
      ],
      {
        encoding: "utf8",
      },
    );
    expect(`${r.stdout}${r.stderr}`).toContain("verify OK");
    // OpenSSL prints the serial's bytes: a leading zero nibble is kept ("0b80…"), zero bytes are not
    expect(r.stdout.toLowerCase()).toMatch(
      new RegExp(`serial number: 0?${id.serialNumber.toLowerCase().replace(/^0+/, "")}\n`),
    );
  });
});
