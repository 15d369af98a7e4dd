import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import {
  importPkcs12,
  KeyEnvelopeError,
  openPrivateKey,
  sealPrivateKey,
} from "../../../src/adapters/pki/key-envelope.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { identityToPkcs12 } from "../../support/pki/pkcs12.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

describe("private keys at rest", { timeout: 60_000 }, () => {
  it("seals and opens a PKCS#8 key; a fresh data key each time", async () => {
    const master = randomBytes(32);
    const { privateKeyPkcs8 } = await testIdentity("ECDSA-P256");
    const key = Buffer.from(privateKeyPkcs8);
    const a = sealPrivateKey(master, key);
    const b = sealPrivateKey(master, key);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1);
    expect(a.includes(key.subarray(10, 40))).toBe(false);
    expect(openPrivateKey(master, a).equals(key)).toBe(true);
  });

  it("detects every single-byte change, a wrong master key, truncation and an unknown version", async () => {
    const master = randomBytes(32);
    const sealed = sealPrivateKey(master, randomBytes(138));
    for (let i = 0; i < sealed.length; i += 7) {
      const t = Buffer.from(sealed);
      t[i] = (t[i] as number) ^ 0x01;
      expect(() => openPrivateKey(master, t)).toThrow(KeyEnvelopeError);
    }
    expect(() => openPrivateKey(randomBytes(32), sealed)).toThrow(KeyEnvelopeError);
    expect(() => openPrivateKey(master, sealed.subarray(0, 80))).toThrow(KeyEnvelopeError);
    expect(() => sealPrivateKey(randomBytes(16), sealed)).toThrow(KeyEnvelopeError);
  });

  for (const legacy of [false, true]) {
    it(`imports a PKCS#12 (${legacy ? "legacy 3DES/RC2" : "OpenSSL 3 AES/PBKDF2"}) into a chain and a key that sign`, async () => {
      const pki = await testPki();
      const id = await testIdentity("RSA-2048");
      const imported = await importPkcs12(identityToPkcs12(id, "mot de passe", { legacy }), "mot de passe");
      expect(imported.chainDer.map((c) => c.toString("hex"))).toEqual(
        id.chainDer.map((c) => Buffer.from(c).toString("hex")),
      );
      const signed = await createPdfSigner({
        chainDer: imported.chainDer,
        privateKeyPkcs8: imported.pkcs8,
      }).sign(await samplePdf({ pages: 1 }), FIELDS);
      expect(
        (await verifyPdf(signed, { trustAnchorsDer: [pki.root.certificateDer], now: new Date() })).valid,
      ).toBe(true);
      await expect(importPkcs12(identityToPkcs12(id, "a"), "b")).rejects.toThrow();
    });
  }
});
